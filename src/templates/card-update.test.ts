// The card-update email in every shipped language: a retried soft decline names the retry day,
// a hard decline says it will not be retried and names the suspension day and the update link.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { loadTemplates, type TemplateSet } from './load.ts';
import { renderReminder } from './render.ts';
import { sampleCardContents, sampleContents } from './sample.ts';

let set: TemplateSet;
before(async () => {
  set = await loadTemplates(null);
});

const words: Record<string, { retry: string; suspend: string; date: string; link: string; reminder: string }> = {
  en: { date: 'March 5, 2025', retry: 'We will try the card again on February 18, 2025', suspend: 'paused on March 5, 2025', link: 'Update your card: https://billing.supplier.example/card?token=abc', reminder: 'Reminder' },
  de: { date: '5. März 2025', retry: 'Wir versuchen es am 18. Februar 2025 erneut', suspend: 'am 5. März 2025 pausiert', link: 'Karte aktualisieren: https://billing.supplier.example/card?token=abc', reminder: 'Zahlungserinnerung' },
  fr: { date: '5 mars 2025', retry: 'Nous réessaierons le 18 février 2025', suspend: 'suspendu le 5 mars 2025', link: 'Mettre à jour votre carte : https://billing.supplier.example/card?token=abc', reminder: 'Rappel' },
  es: { date: '5 de marzo de 2025', retry: 'Volveremos a intentarlo el 18 de febrero de 2025', suspend: 'se suspenderá el 5 de marzo de 2025', link: 'Actualizar su tarjeta: https://billing.supplier.example/card?token=abc', reminder: 'Recordatorio' },
  nl: { date: '5 maart 2025', retry: 'Wij proberen het op 18 februari 2025 opnieuw', suspend: 'op 5 maart 2025 gepauzeerd', link: 'Kaart bijwerken: https://billing.supplier.example/card?token=abc', reminder: 'herinnering' },
};

for (const [language, w] of Object.entries(words)) {
  test(`card-update email (${language}): soft decline with its retry day, hard decline with suspension and link`, () => {
    const [soft, hard] = sampleCardContents(language);
    assert.ok(soft && hard);
    const s = renderReminder(set, soft, 'email');
    assert.equal(s.language, language);
    assert.ok(s.text.includes(w.retry), s.text);
    assert.ok(s.text.includes('INV-2025-001'), 'names the invoice');
    assert.ok(!s.text.includes('https://'), 'no link when none is configured');
    const h = renderReminder(set, hard, 'email');
    assert.ok(h.subject.replace(/[\u00a0\u202f]/g, ' ').includes(w.date), h.subject);
    assert.ok(h.text.includes(w.suspend), h.text);
    assert.ok(h.text.includes(w.link), h.text);
    assert.ok(!h.text.includes(w.retry), 'a hard decline is not retried');
    assert.ok(h.html.includes('href="https://billing.supplier.example/card?token=abc"'));
  });
}

test('a reminder without card details still uses its tone template', () => {
  const [bare] = sampleContents('de', 'soft');
  assert.ok(bare);
  assert.ok(renderReminder(set, bare, 'email').subject.startsWith(words['de']?.reminder ?? '?'));
});
