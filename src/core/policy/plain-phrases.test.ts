import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compilePlain } from './plain/compile-plain.ts';
import type { PolicyStep } from './types.ts';

/** Compiles one step sentence and returns its only step, failing loudly otherwise. */
function one(sentence: string): PolicyStep {
  const r = compilePlain(sentence);
  assert.ok(r.ok, `${sentence}: ${JSON.stringify(!r.ok && r.problems)}`);
  assert.equal(r.policy.steps.length, 1);
  return r.policy.steps[0] as PolicyStep;
}

test('timing phrases', () => {
  const table: [string, number, 'calendar' | 'business', string][] = [
    ['3 days before due: email', -3, 'calendar', 'd-3'],
    ['3 days before the due date: email', -3, 'calendar', 'd-3'],
    ['3 business days before the due date: email', -3, 'business', 'd-3b'],
    ['2 working days after due: email', 2, 'business', 'd+2b'],
    ['On the due date: email', 0, 'calendar', 'd0'],
    ['on due date, send an email', 0, 'calendar', 'd0'],
    ['When due: email', 0, 'calendar', 'd0'],
    ['7 days after due: email', 7, 'calendar', 'd+7'],
    ['1 day after the due date: email', 1, 'calendar', 'd+1'],
    ['one week after due: email', 7, 'calendar', 'd+7'],
    ['a week before due: email', -7, 'calendar', 'd-7'],
    ['two weeks overdue: email', 14, 'calendar', 'd+14'],
    ['14 days overdue, send a firm email', 14, 'calendar', 'd+14'],
    ['Forty-five days late: email', 45, 'calendar', 'd+45'],
    ['10 days past due: email', 10, 'calendar', 'd+10'],
    ['On day 30: email', 30, 'calendar', 'd+30'],
    ['day -5: email', -5, 'calendar', 'd-5'],
    ['Day +14 - email', 14, 'calendar', 'd+14'],
  ];
  for (const [sentence, offsetDays, dayKind, id] of table) {
    const s = one(sentence);
    assert.deepEqual([s.offsetDays, s.dayKind, s.id], [offsetDays, dayKind, id], sentence);
  }
});

test('channel phrases', () => {
  const table: [string, string[]][] = [
    ['send an email', ['email']],
    ['e-mail', ['email']],
    ['send an SMS', ['sms']],
    ['text message', ['sms']],
    ['WhatsApp', ['whatsapp']],
    ['a WhatsApp message', ['whatsapp']],
    ['create a call task', ['call_task']],
    ['phone call', ['call_task']],
    ['letter', ['letter']],
    ['by post', ['letter']],
    ['portal only', ['portal']],
    ['firm email and call task', ['email', 'call_task']],
    ['formal notice by email and letter', ['email', 'letter']],
    ['email, SMS & WhatsApp', ['email', 'sms', 'whatsapp']],
  ];
  for (const [body, channels] of table)
    assert.deepEqual(one(`7 days overdue: ${body}`).channels, channels, body);
});

test('tone words, with adjectives winning over nouns', () => {
  const table: [string, string][] = [
    ['friendly email', 'soft'],
    ['courtesy email', 'soft'],
    ['gentle email', 'soft'],
    ['soft email', 'soft'],
    ['email', 'soft'],
    ['firm email', 'firm'],
    ['reminder by email', 'firm'],
    ['friendly reminder by email', 'soft'],
    ['formal email', 'formal'],
    ['notice by letter', 'formal'],
    ['final notice by letter', 'final'],
    ['last reminder by email', 'final'],
  ];
  for (const [body, tone] of table) {
    const s = one(`7 days overdue: ${body}`);
    assert.equal(s.tone, tone, body);
    assert.equal(s.template, `reminder-${tone}`, body);
  }
});

test('approval, payment link, template, id and hand-over phrases', () => {
  assert.equal(one('7 days overdue: email').approval, 'review');
  assert.equal(one('7 days overdue: email automatically').approval, 'auto');
  assert.equal(one('7 days overdue: email without review').approval, 'auto');
  assert.equal(one('7 days overdue: email after review').approval, 'review');
  assert.equal(
    one('On the due date: email with payment link').template,
    'reminder-soft-payment-link',
  );
  assert.equal(one('7 days overdue: firm email using template "firm-v2"').template, 'firm-v2');
  assert.equal(one('7 days overdue: email with id "nudge"').id, 'nudge');
  const last = one('45 days overdue: final notice by letter, then hand over to the owner');
  assert.deepEqual(
    [last.action, last.channels, last.tone],
    ['hand_over_to_owner', ['letter'], 'final'],
  );
  const only = one('60 days overdue: hand over to the account owner');
  assert.deepEqual([only.action, only.channels], ['hand_over_to_owner', []]);
});

test('condition phrases', () => {
  const table: [string, unknown][] = [
    ['for strategic accounts', { kind: 'segment', segments: ['strategic'] }],
    ['for new and standard customers', { kind: 'segment', segments: ['new_account', 'standard'] }],
    ['for chronic late payers', { kind: 'segment', segments: ['chronic_late'] }],
    [
      'if the open amount is over EUR 500',
      { kind: 'open_amount', currency: 'EUR', minMinor: 50000n, maxMinor: null },
    ],
    [
      'if the open amount is at least 1,000.50 USD',
      { kind: 'open_amount', currency: 'USD', minMinor: 100050n, maxMinor: null },
    ],
    [
      'if the open amount is under €200',
      { kind: 'open_amount', currency: 'EUR', minMinor: null, maxMinor: 20000n },
    ],
    [
      'if the open amount is between JPY 5000 and JPY 90000',
      { kind: 'open_amount', currency: 'JPY', minMinor: 5000n, maxMinor: 90000n },
    ],
    [
      'if the open amount is at least 700 minor units',
      { kind: 'open_amount', currency: null, minMinor: 700n, maxMinor: null },
    ],
    [
      'if the open amount is in GBP',
      { kind: 'open_amount', currency: 'GBP', minMinor: null, maxMinor: null },
    ],
    ['if the currency is EUR or CHF', { kind: 'currency', currencies: ['EUR', 'CHF'] }],
    ['for USD invoices', { kind: 'currency', currencies: ['USD'] }],
    ['if the country is DE or AT', { kind: 'country', countries: ['DE', 'AT'] }],
    ['for customers in fr', { kind: 'country', countries: ['FR'] }],
    ['if no reply since the last step', { kind: 'no_reply_since_last_step' }],
    [
      'if the customer has not replied since the previous step',
      { kind: 'no_reply_since_last_step' },
    ],
  ];
  for (const [phrase, condition] of table) {
    assert.deepEqual(one(`14 days overdue: firm email ${phrase}`).conditions, [condition], phrase);
  }
  const both = one(
    '14 days overdue: call task for strategic accounts if the open amount is over EUR 500',
  );
  assert.equal(both.conditions.length, 2);
});

test('settings sentences', () => {
  const r = compilePlain(
    'On the due date: email. At most one touch every 7 days. Send between 9:00 and 16:00 on Tuesday to Thursday. ' +
      'Do not consolidate. At most 4 touches per invoice. Use public holidays of DE.',
  );
  assert.ok(r.ok);
  assert.deepEqual(r.policy.settings, {
    minDaysBetweenTouches: 7,
    sendWindow: { startHour: 9, endHour: 16 },
    preferredWeekdays: [2, 3, 4],
    holidayCalendar: { kind: 'country', country: 'DE' },
    consolidation: false,
    maxTouches: 4,
  });
  const table: [string, Record<string, unknown>][] = [
    ['At most one message per account every two weeks.', { minDaysBetweenTouches: 14 }],
    ['No more than one touch per week.', { minDaysBetweenTouches: 7 }],
    [
      'Send between 8am and 5pm on Monday, Wednesday and Friday.',
      { sendWindow: { startHour: 8, endHour: 17 }, preferredWeekdays: [1, 3, 5] },
    ],
    ['Send on weekdays.', { preferredWeekdays: [1, 2, 3, 4, 5] }],
    ['Consolidate per customer.', { consolidation: true }],
    [
      "Use public holidays of the contact's country.",
      { holidayCalendar: { kind: 'contact_country' } },
    ],
    ['No limit on touches per invoice.', { maxTouches: null }],
  ];
  for (const [sentence, expected] of table) {
    const s = compilePlain(`On the due date: email. ${sentence}`);
    assert.ok(s.ok, sentence);
    for (const [key, value] of Object.entries(expected)) {
      assert.deepEqual(s.policy.settings[key as keyof typeof s.policy.settings], value, sentence);
    }
  }
  const named = compilePlain('Policy "net-60" called "Net 60. Slow.". On the due date: email.');
  assert.ok(named.ok);
  assert.deepEqual([named.policy.id, named.policy.name], ['net-60', 'Net 60. Slow.']);
});

test('German sentences compile to the same steps as English ones', () => {
  const de = compilePlain(
    '3 Tage vor Fälligkeit: freundliche E-Mail. Am Fälligkeitstag: E-Mail mit Zahlungslink. ' +
      '14 Tage überfällig: bestimmte E-Mail und Anruf. 45 Tage überfällig: letzte Mahnung per Brief, dann an den Verantwortlichen übergeben. ' +
      'Höchstens ein Kontakt alle 7 Tage. Senden zwischen 9:00 und 16:00 von Dienstag bis Donnerstag. Nicht zusammenfassen.',
  );
  const en = compilePlain(
    '3 days before due: friendly email. On the due date: email with payment link. ' +
      '14 days overdue: firm email and call task. 45 days overdue: final notice by letter, then hand over to the owner. ' +
      'At most one touch every 7 days. Send between 9:00 and 16:00 on Tuesday to Thursday. Do not consolidate.',
  );
  assert.ok(de.ok, JSON.stringify(!de.ok && de.problems));
  assert.deepEqual(de, en);
});
