import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { LocalDate } from '../../core/local-date.ts';
import { classifyIntent } from './classify-intent.ts';
import { detectLanguage } from './language.ts';
import { REVIEW_THRESHOLD } from './types.ts';

const at = '2025-03-12' as LocalDate; // a Wednesday
const run = (body: string, subject = 'Re: Invoice INV-2025-0142') => classifyIntent({ subject, body, receivedAt: at });

test('language is detected by stop-words', () => {
  assert.equal(detectLanguage('We will pay the invoice next week, thanks'), 'en');
  assert.equal(detectLanguage('Wir zahlen die Rechnung nächste Woche, danke'), 'de');
  assert.equal(detectLanguage('Nous paierons la facture la semaine prochaine, merci'), 'fr');
  assert.equal(run('Wir haben die Rechnung bereits bezahlt.').lang, 'de');
});

test('negation: not paid yet is a promise, not a payment', () => {
  for (const body of ["We haven't paid yet, but will pay on Friday.", 'Noch nicht bezahlt, wir zahlen am Freitag.', "Pas encore payé, nous paierons vendredi."]) {
    const r = run(body);
    assert.equal(r.intent, 'promise', body);
    assert.equal(r.facts.promiseDate, '2025-03-14', body);
    assert.ok(r.evidence.some((e) => e.startsWith('paid -')) || r.scores.paid === undefined, body);
  }
});

test('facts: paid date, amount, reference, new contact, return date, dispute reason', () => {
  const paid = run('We paid EUR 1,250.00 on 10 March, our ref PAY-88812.');
  assert.equal(paid.intent, 'paid');
  assert.equal(paid.facts.paidDate, '2025-03-10');
  assert.equal(paid.facts.amount, 'EUR 1,250.00');
  assert.equal(paid.facts.reference, 'PAY-88812');
  const moved = run('Ich bin nicht mehr zuständig, bitte an rechnung@firma.de schreiben.');
  assert.equal(moved.intent, 'wrong_contact');
  assert.equal(moved.facts.newContactEmail, 'rechnung@firma.de');
  const away = run('Je suis absente du bureau jusqu\'au 24 mars.');
  assert.equal(away.intent, 'out_of_office');
  assert.equal(away.facts.returnDate, '2025-03-24');
  const dup = run('This is a duplicate of INV-2025-0100, which we already paid.');
  assert.equal(dup.intent, 'dispute');
  assert.equal(dup.facts.disputeReason, 'duplicate');
  assert.equal(run('Der Preis ist falsch, vereinbart waren 45 € pro Stunde.').facts.disputeReason, 'price');
});

test('several intents, one dominant, evidence explains it', () => {
  const r = run('Thanks for the reminder. Please stop sending these emails to me, I will forward it to accounting.');
  assert.equal(r.intent, 'stop');
  assert.ok(r.evidence.some((e) => e.startsWith('stop +4')));
  assert.ok((r.scores.other ?? 0) > 0);
});

test('quoted reminders and signatures do not count', () => {
  const body = 'Paid yesterday.\n\nOn Mon, 10 Mar 2025, AR <ar@x.com> wrote:\n> Please pay by Friday or we will stop the service.\n> Unsubscribe';
  const r = run(body);
  assert.equal(r.intent, 'paid');
  assert.equal(r.facts.paidDate, '2025-03-11');
});

test('low confidence goes to a person', () => {
  const vague = run('Hm.');
  assert.equal(vague.intent, 'other');
  assert.ok(vague.confidence < REVIEW_THRESHOLD);
  const clear = run('We will pay the full amount on 20 March.');
  assert.ok(clear.confidence >= REVIEW_THRESHOLD);
  const mixed = run('We paid half already. Can we pay the rest in instalments?');
  assert.ok(mixed.confidence < clear.confidence);
});

test('out-of-office subject lines count', () => {
  assert.equal(run('Back on Monday.', 'Abwesenheitsnotiz: Rechnung').intent, 'out_of_office');
});

test('the same input always gives the same result', () => {
  const body = 'Wir überweisen bis Ende des Monats.';
  assert.deepEqual(run(body), run(body));
  assert.equal(run(body).facts.promiseDate, '2025-03-31');
});
