import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { presetNames, presets } from '../core/policy/presets.ts';
import { compilePlain } from '../core/policy/plain/compile-plain.ts';
import { toPlain } from '../core/policy/plain/to-plain.ts';
import { defaultPolicySettings } from '../core/policy/types.ts';
import { loadPolicy, type PolicyProblem } from './load-policy.ts';

function problems(text: string): PolicyProblem[] {
  const r = loadPolicy(text, 'p.yaml');
  assert.ok(!r.ok, `expected problems for:\n${text}`);
  return r.problems;
}

const base = (step: string): string =>
  `id: t\nsteps:\n  - offset: 7\n    channels: [email]\n${step}`;

test('shipped policy files equal the built-in presets', () => {
  for (const name of presetNames) {
    const text = readFileSync(new URL(`../../policies/${name}.yaml`, import.meta.url), 'utf8');
    assert.deepEqual(loadPolicy(text, `${name}.yaml`), { ok: true, policy: presets[name] }, name);
  }
});

test('the annotated example file loads, and its plain form compiles back to it', () => {
  const text = readFileSync(
    new URL('../../policies/example-conditions.yaml', import.meta.url),
    'utf8',
  );
  const r = loadPolicy(text, 'example-conditions.yaml');
  assert.ok(r.ok, JSON.stringify(!r.ok && r.problems));
  assert.deepEqual(r.policy.steps[1]?.conditions[1], {
    kind: 'open_amount',
    currency: 'EUR',
    minMinor: 50000n,
    maxMinor: 10000000n,
  });
  assert.deepEqual(r.policy.steps[0]?.id, 'courtesy');
  assert.deepEqual(compilePlain(toPlain(r.policy)), { ok: true, policy: r.policy });
});

test('defaults: ids from offsets, soft tone, review, tone template, default settings; steps sorted', () => {
  const r = loadPolicy(
    'id: t\nsteps:\n  - {offset: 14, channels: [letter], tone: firm}\n  - {offset: -3, channels: [email], payment_link: true}\n  - {offset: 2, day_kind: business, channels: [sms]}\n',
    't.yaml',
  );
  assert.ok(r.ok);
  assert.equal(r.policy.name, 't');
  assert.deepEqual(r.policy.settings, defaultPolicySettings);
  assert.deepEqual(
    r.policy.steps.map((s) => [s.id, s.offsetDays, s.tone, s.template, s.approval, s.action]),
    [
      ['d-3', -3, 'soft', 'reminder-soft-payment-link', 'review', 'none'],
      ['d+2b', 2, 'soft', 'reminder-soft', 'review', 'none'],
      ['d+14', 14, 'firm', 'reminder-firm', 'review', 'none'],
    ],
  );
});

test('JSON is read the same way as YAML, amounts become minor units of their currency', () => {
  const json = JSON.stringify({
    id: 'j',
    steps: [
      {
        offset: 30,
        channels: ['letter'],
        conditions: [
          { open_amount: { currency: 'KWD', min: '1.5', max: 2000 } },
          { open_amount: { min: '700' } },
        ],
      },
    ],
    settings: {
      preferred_weekdays: ['friday', 'monday', 'friday'],
      holiday_calendar: 'DE',
      max_touches: 3,
    },
  });
  const r = loadPolicy(json, 'j.json');
  assert.ok(r.ok, JSON.stringify(!r.ok && r.problems));
  assert.deepEqual(r.policy.steps[0]?.conditions, [
    { kind: 'open_amount', currency: 'KWD', minMinor: 1500n, maxMinor: 2000000n },
    { kind: 'open_amount', currency: null, minMinor: 700n, maxMinor: null },
  ]);
  assert.deepEqual(r.policy.settings.preferredWeekdays, [1, 5]);
  assert.deepEqual(r.policy.settings.holidayCalendar, { kind: 'country', country: 'DE' });
});

test('every error names its line and field', () => {
  const table: [text: string, line: number | null, field: string, reason: RegExp][] = [
    ['id: t\nsteps: [\n', 3, '', /Flow sequence/],
    ['id: t\nid: u\nsteps: []\n', 2, '', /unique/i],
    ['', null, '', /expected object/],
    ['id: t\n', 1, 'steps', /required/],
    ['id: t\nsteps: []\n', 2, 'steps', /at least one step/],
    ['id: "a b"\nsteps: []\n', 1, 'id', /letters, digits/],
    [
      base('  - offset: 9\n    channels: [emial]\n'),
      6,
      'steps[1].channels[0]',
      /"emial" is not one of .*did you mean "email"\?/,
    ],
    [
      base('  - offset: 9\n    channels:\n      - email\n      - leter\n'),
      8,
      'steps[1].channels[1]',
      /did you mean "letter"/,
    ],
    [base('    tone: frim\n'), 5, 'steps[0].tone', /did you mean "firm"/],
    [
      base('    chanels: [sms]\n'),
      5,
      'steps[0].chanels',
      /unknown field "chanels"; did you mean "channels"\?/,
    ],
    [base('    approval: automatic\n'), 5, 'steps[0].approval', /not one of review, auto/],
    [base('  - channels: [sms]\n'), 5, 'steps[1].offset', /required/],
    [base('  - offset: 2.5\n    channels: [sms]\n'), 5, 'steps[1].offset', /whole number/],
    [base('  - offset: 9000\n    channels: [sms]\n'), 5, 'steps[1].offset', /3650/],
    [
      base('    conditions:\n      - segment: [strategic, vip]\n'),
      6,
      'steps[0].conditions[0].segment[1]',
      /not one of/,
    ],
    [
      base('    conditions:\n      - open_amount: {currency: EUR, min: 500.5}\n'),
      6,
      'steps[0].conditions[0].open_amount.min',
      /quoted decimals/,
    ],
    [
      base('    conditions:\n      - open_amount: {currency: EUR, min: "5.001"}\n'),
      6,
      'steps[0].conditions[0].open_amount.min',
      /more than 2 decimal places/,
    ],
    [
      base('    conditions:\n      - open_amount: {currency: EUX, min: "5"}\n'),
      6,
      'steps[0].conditions[0].open_amount.currency',
      /not an ISO 4217/,
    ],
    [
      base('    conditions:\n      - open_amount: {min: "5.50"}\n'),
      6,
      'steps[0].conditions[0].open_amount.min',
      /whole minor units/,
    ],
    [
      base('    conditions:\n      - open_amount: {currency: EUR, min: "9", max: "5"}\n'),
      6,
      'steps[0].conditions[0].open_amount.max',
      /below min/,
    ],
    [
      base('    conditions:\n      - {segment: [strategic], country: [DE]}\n'),
      6,
      'steps[0].conditions[0]',
      /exactly one/,
    ],
    [
      base('    conditions:\n      - country: [de]\n'),
      6,
      'steps[0].conditions[0].country[0]',
      /two-letter/,
    ],
    [base('    template: own\n    payment_link: true\n'), 6, 'steps[0].payment_link', /not both/],
    [
      base('  - offset: 7\n    channels: [letter]\n'),
      5,
      'steps[1].id',
      /"d\+7" is already used by step 1/,
    ],
    [
      base('  - offset: 7\n    id: again\n    channels: [letter, email]\n'),
      7,
      'steps[1].channels[1]',
      /already sends by email on day \+7/,
    ],
    [
      base('  - offset: 8\n    tone: final\n'),
      5,
      'steps[1].channels',
      /at least one channel or an action/,
    ],
    [
      base('settings:\n  send_window: {start_hour: 17, end_hour: 9}\n'),
      6,
      'settings.send_window.end_hour',
      /before end_hour/,
    ],
    [
      base('settings:\n  holiday_calendar: germany\n'),
      6,
      'settings.holiday_calendar',
      /two-letter/,
    ],
    [
      base('settings:\n  preferred_weekdays: [Tuesday]\n'),
      6,
      'settings.preferred_weekdays[0]',
      /did you mean "tuesday"/,
    ],
    [
      base('settings:\n  consolidate: false\n'),
      6,
      'settings.consolidate',
      /did you mean "consolidation"/,
    ],
  ];
  for (const [text, line, field, reason] of table) {
    const [p] = problems(text);
    assert.ok(p, text);
    assert.equal(p.file, 'p.yaml');
    assert.equal(p.field, field, text);
    assert.equal(p.line, line, `${field}: ${p.reason}`);
    assert.match(p.reason, reason, text);
  }
});

test('all problems of a file are reported at once', () => {
  const found = problems(
    base('    tone: frim\n  - offset: 9\n    channels: [fax]\n    colour: red\n'),
  );
  assert.deepEqual(
    found.map((p) => [p.line, p.field]),
    [
      [5, 'steps[0].tone'],
      [7, 'steps[1].channels[0]'],
      [8, 'steps[1].colour'],
    ],
  );
});
