import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compilePlain, type PlainProblem } from './plain/compile-plain.ts';
import { presets } from './presets.ts';

const paragraph =
  '3 days before due: friendly email. On the due date: email with payment link. 7 days after due: firm email. ' +
  '14 days overdue: firm email and call task. 30 days overdue: formal notice by email and letter. ' +
  '45 days overdue: final notice by letter, then hand over to the owner.';

test('the example paragraph compiles to exactly the b2b-net30 ladder', () => {
  const r = compilePlain(paragraph);
  assert.ok(r.ok);
  assert.deepEqual(r.policy.steps, presets['b2b-net30']?.steps);
  const whole = compilePlain(
    `Policy "b2b-net30" called "B2B net 30". ${paragraph} At most one touch every 3 days.`,
  );
  assert.deepEqual(whole, { ok: true, policy: presets['b2b-net30'] });
});

function problems(text: string): PlainProblem[] {
  const r = compilePlain(text);
  assert.ok(!r.ok, `expected problems for: ${text}`);
  return r.problems;
}

test('a bad phrase names its sentence and suggests the closest known phrase', () => {
  const [p, ...rest] = problems(
    '3 days before due: friendly email. 7 days after due: firm emial. Consolidate per customer.',
  );
  assert.equal(rest.length, 0);
  assert.deepEqual(p, {
    sentence: '7 days after due: firm emial',
    index: 1,
    reason: 'unknown words: "emial"',
    suggestion: '7 days after due: firm email',
  });
});

test('every kind of error is reported, never dropped', () => {
  const table: [text: string, index: number, reason: RegExp, suggestion: string | null][] = [
    ['3 dyas before due: email.', 0, /could not read when/, '3 days before due: email'],
    ['Send a fax to them.', 0, /neither a step/, null],
    ['7 days overdue: firm fax.', 0, /unknown words: "fax"/, null],
    ['7 days overdue: friendly firm email.', 0, /two tones in one step: soft and firm/, null],
    ['7 days overdue: firm.', 0, /no channel/, null],
    [
      '7 days overdue: email automatically after review.',
      0,
      /both "automatically" and "review"/,
      null,
    ],
    [
      '7 days overdue: email with payment link using template "x".',
      0,
      /either a payment link or its own template/,
      null,
    ],
    ['7 days overdue: email with id "a b".', 0, /may only hold letters/, null],
    ['7 days overdue: email if the open amount is over 500.', 0, /could not read the amount/, null],
    [
      '7 days overdue: email if the open amount is over EUR 5.001.',
      0,
      /more than 2 decimal places/,
      null,
    ],
    [
      '7 days overdue: email if the open amount is over XYZ 5.',
      0,
      /"XYZ" is not a currency code/,
      null,
    ],
    [
      '7 days overdue: email if the open amount is between EUR 9 and USD 10.',
      0,
      /same currency/,
      null,
    ],
    ['7 days overdue: email if the currency is EUR or ABC.', 0, /not a currency code/, null],
    ['4000 days overdue: email.', 0, /more than 3650 days/, null],
    [
      '7 days overdue: email. 7 days overdue: letter with id "d+7".',
      1,
      /step id "d\+7" is already used/,
      null,
    ],
    [
      '7 days overdue: email. One week overdue: firm email with id "again".',
      1,
      /already sends by email on day \+7/,
      null,
    ],
    ['7 days overdue: email and email.', 0, /channel "email" is listed twice/, null],
    ['7 days overdue: email. Send between 9:30 and 16:00.', 1, /whole hours/, null],
    ['7 days overdue: email. Send between 17:00 and 9:00.', 1, /start before it ends/, null],
    ['7 days overdue: email. Send on Friday to Monday.', 1, /runs backwards/, null],
    ['7 days overdue: email. Send on Funday.', 1, /"funday" is not a day/, null],
    [
      '7 days overdue: email. Consolidate per customer. Do not consolidate.',
      2,
      /already stated/,
      null,
    ],
    ['At most one touch every 7 days.', 0, /no steps/, null],
    ['Policy "my policy". On the due date: email.', 0, /policy id may only hold/, null],
  ];
  for (const [text, index, reason, suggestion] of table) {
    const [p] = problems(text);
    assert.ok(p, text);
    assert.equal(p.index, index, text);
    assert.match(p.reason, reason, text);
    if (suggestion !== null) assert.equal(p.suggestion, suggestion, text);
    if (/neither|could not read when|unknown/.test(p.reason))
      assert.ok(p.suggestion, `a suggestion for: ${text}`);
  }
});

test('all bad sentences are reported together, in order', () => {
  const found = problems(
    '7 days overdue: emial. Sned on Tuesday. 14 days overdue: letter. 30 days ovredue: letter.',
  );
  assert.deepEqual(
    found.map((p) => [p.index, p.suggestion]),
    [
      [0, '7 days overdue: email'],
      [1, 'Send on Tuesday'],
      [3, '30 days overdue: letter'],
    ],
  );
});
