import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { CurrencyCode } from '../core/currency.ts';
import { calculateInterest, shippedRateTables } from '../core/interest/index.ts';
import type { LocalDate } from '../core/local-date.ts';
import { tones } from '../core/policy/types.ts';
import { loadTemplates, type TemplateSet } from './load.ts';
import { renderReminder } from './render.ts';
import { sampleContents } from './sample.ts';
import type { ReminderContent } from './types.ts';

let set: TemplateSet;
before(async () => {
  set = await loadTemplates(null);
});

function samples(
  language: string,
  tone: (typeof tones)[number],
): [ReminderContent, ReminderContent] {
  const [bare, full] = sampleContents(language, tone);
  assert.ok(bare && full);
  return [bare, full];
}
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

const perLanguage = {
  en: {
    amount: '€1,234.56',
    ignore: 'If you have already paid, please ignore',
    date: 'February 9, 2025',
  },
  de: { amount: '1.234,56 €', ignore: 'Falls Sie bereits bezahlt haben', date: '9. Februar 2025' },
  fr: {
    amount: '1 234,56 €',
    ignore: 'Si vous avez déjà effectué le paiement',
    date: '9 février 2025',
  },
  es: { amount: '1234,56 €', ignore: 'Si ya ha realizado el pago', date: '9 de febrero de 2025' },
  nl: { amount: '€ 1.234,56', ignore: 'Heeft u al betaald?', date: '9 februari 2025' },
} as const;

for (const [language, expected] of Object.entries(perLanguage)) {
  test(`${language}: a soft email names the invoice, amount, due date, days overdue and says to ignore it if paid`, () => {
    const [bare] = samples(language, 'soft');
    const mail = renderReminder(set, bare, 'email');
    assert.equal(mail.language, language);
    for (const part of [mail.subject, mail.text])
      assert.ok(plain(part).includes('INV-2025-001'), part);
    for (const part of [mail.subject, mail.text, mail.html])
      assert.ok(plain(part).includes(expected.amount), part);
    assert.ok(plain(mail.text).includes(expected.date), mail.text);
    assert.match(mail.text, /\b7\b/);
    assert.ok(mail.text.includes(expected.ignore), mail.text);
    assert.doesNotMatch(mail.subject, /\n/);
  });

  test(`${language}: consolidated messages list every invoice, in a table in HTML, with both links`, () => {
    const [, full] = samples(language, 'firm');
    const mail = renderReminder(set, full, 'email');
    for (const n of ['INV-2025-002', 'INV-2025-003', 'INV-2025-004']) {
      assert.ok(mail.text.includes(n) && mail.html.includes(n), n);
    }
    assert.match(mail.html, /<table[\s\S]*INV-2025-003[\s\S]*<\/table>/);
    for (const part of [mail.text, mail.html]) {
      assert.ok(part.includes('https://pay.supplier.example/p/abc'));
      assert.ok(part.includes('https://portal.supplier.example/a/xyz'));
      assert.ok(part.includes('2025'), 'earlier reminders are dated');
    }
  });

  test(`${language}: formal and final steps state the deadline, interest, compensation and total claim`, () => {
    for (const tone of ['formal', 'final'] as const) {
      const [, full] = samples(language, tone);
      for (const rendered of [
        renderReminder(set, full, 'email').text,
        renderReminder(set, full, 'letter').closing,
      ]) {
        const text = plain(rendered);
        assert.ok(text.includes('§ 288 BGB'), text);
        assert.match(text, /11[.,]27/); // rate
        assert.match(text, /12,34|12\.34/); // interest
        assert.match(text, /40,00|40\.00/); // fixed compensation
        assert.match(text, /812,83|812\.83/); // 760.49 + 12.34 + 40.00
        assert.ok(text.includes('2025'), 'deadline');
      }
    }
  });
}

test('the contact language falls back to English; a regional tag uses its language and formats', () => {
  const [bare] = samples('it', 'soft');
  const mail = renderReminder(set, bare, 'email');
  assert.equal(mail.language, 'en');
  assert.ok(mail.subject.includes('€1,234.56'));
  const swiss = renderReminder(set, { ...bare, language: 'de-CH' }, 'email');
  assert.equal(swiss.language, 'de');
  assert.ok(
    swiss.subject.includes('1’234.56') || swiss.subject.includes("1'234.56"),
    swiss.subject,
  );
});

test('HTML escapes what customers and creditors typed; text does not', () => {
  const [, full] = samples('en', 'soft');
  const content = { ...full, contact: { name: 'Tom <b>& Jerry</b>', email: null } };
  const mail = renderReminder(set, content, 'email');
  assert.ok(mail.html.includes('Tom &lt;b&gt;&amp; Jerry&lt;/b&gt;'));
  assert.ok(!mail.html.includes('<b>&'));
  assert.ok(mail.text.includes('Dear Tom <b>& Jerry</b>,'));
});

test('WhatsApp uses the SMS template; SMS text has no no-break spaces', () => {
  const [bare] = samples('fr', 'soft');
  const wa = renderReminder(set, bare, 'whatsapp');
  assert.equal(wa.channel, 'whatsapp');
  assert.equal(wa.text, renderReminder(set, bare, 'sms').text);
  assert.ok(wa.text.includes('1 234,56 €'));
  assert.doesNotMatch(wa.text, /[\u00a0\u202f]/);
});

test('an original due date that moved is shown beside the current one', () => {
  const [bare] = samples('en', 'firm');
  const inv = bare.invoices[0];
  assert.ok(inv);
  const moved = { ...bare, invoices: [{ ...inv, originalDueDate: '2025-01-31' as LocalDate }] };
  assert.match(
    renderReminder(set, moved, 'email').text,
    /due on February 9, 2025 \(originally January 31, 2025\)/,
  );
});

test('interest computed by the statutory calculator renders exactly as computed', () => {
  const result = calculateInterest({
    law: 'de',
    principalMinor: 1_000_000n,
    currency: 'EUR' as CurrencyCode,
    dueDate: '2023-06-15' as LocalDate,
    until: '2024-07-15' as LocalDate,
    tables: shippedRateTables,
  });
  assert.equal(result.kind, 'ok');
  if (result.kind !== 'ok') return;
  const [, full] = samples('de', 'final');
  const content: ReminderContent = {
    ...full,
    totalOpenMinor: 1_000_000n,
    interest: {
      lawLabel: '§ 288 BGB',
      interestMinor: result.interestMinor,
      fixedCompensationMinor: result.fixedCompensationMinor,
      ratePercent: result.ratePercent,
      until: '2024-07-15' as LocalDate,
    },
  };
  const text = plain(renderReminder(set, content, 'letter').closing);
  // 43.64 + 610.98 + 629.27 + 50.84 = 1,334.73; plus EUR 40 on 10,000.00.
  assert.ok(text.includes('12,37 % pro Jahr (bis zum 15. Juli 2024: 1.334,73 €)'), text);
  assert.ok(text.includes('Pauschale von 40,00 €'), text);
  assert.ok(text.includes('Insgesamt sind damit 11.374,73 € fällig'), text);
});

test('every built-in template renders for every tone in every language without leftovers', () => {
  for (const language of Object.keys(perLanguage)) {
    for (const tone of tones) {
      for (const content of samples(language, tone)) {
        for (const channel of ['email', 'letter', 'sms'] as const) {
          const out = JSON.stringify(renderReminder(set, content, channel));
          assert.doesNotMatch(
            out,
            /\{\{|\{%|undefined|NaN|\[object/,
            `${language} ${tone} ${channel}`,
          );
        }
      }
    }
  }
});
