import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { LocalDate } from '../../core/local-date.ts';
import { sampleContents } from '../../templates/sample.ts';
import { callScript } from './call-script.ts';
import type { CallOutcome } from './types.ts';

test('a final-step script: who, what is owed with interest, earlier touches, one ask with the deadline', () => {
  const full = sampleContents('de', 'final')[1];
  assert.ok(full);
  const script = callScript(full);
  for (const expected of [
    'Call Sample Customer GmbH (customer C-2); ask for Alex Example <ap@customer.example>.',
    'Their language: de.',
    'Owed: €760.49 on 3 invoices, the oldest 45 days overdue.',
    '  - INV-2025-004: €9.99 open, due Feb 9, 2025, 14 days overdue',
    'Claimed under § 288 BGB: interest €12.34 to Mar 26, 2025 and compensation €40.00; total €812.83.',
    '  - Feb 16, 2025: email (d+7)',
    '  - Mar 2, 2025: letter (d+21)',
    'Ask: Explain this is the last step before collection: €812.83 must be paid by Apr 7, 2025.',
    'Offer the payment link: https://pay.supplier.example/p/abc',
  ]) {
    assert.ok(script.includes(expected), `missing: ${expected}\n---\n${script}`);
  }
  assert.equal(script.match(/^Ask:/gm)?.length, 1, 'one clear ask');
});

test('a soft first call: no interest, no earlier touches, a gentle ask', () => {
  const bare = sampleContents('en', 'soft')[0];
  assert.ok(bare);
  const script = callScript({
    ...bare,
    interest: {
      lawLabel: 'x',
      interestMinor: 1n,
      fixedCompensationMinor: 1n,
      ratePercent: '1',
      until: '2025-01-01' as LocalDate,
    },
  });
  assert.ok(script.includes('ask for accounts payable.'));
  assert.ok(script.includes('none: this is the first contact'));
  assert.ok(!script.includes('Claimed under'), 'soft steps never mention interest');
  assert.match(script, /^Ask: Check the invoice arrived/m);
});

test('call outcomes are a closed union the engine can switch over', () => {
  const outcomes: CallOutcome[] = [
    { kind: 'reached', note: null },
    { kind: 'voicemail' },
    { kind: 'wrong_number' },
    { kind: 'promise', date: '2025-04-01' as LocalDate },
    { kind: 'dispute', reason: 'goods damaged' },
  ];
  const describe = (o: CallOutcome): string => {
    switch (o.kind) {
      case 'reached':
        return 'reached';
      case 'voicemail':
        return 'voicemail';
      case 'wrong_number':
        return 'wrong number';
      case 'promise':
        return `promise ${o.date}`;
      case 'dispute':
        return `dispute: ${o.reason}`;
    }
  };
  assert.deepEqual(outcomes.map(describe), [
    'reached',
    'voicemail',
    'wrong number',
    'promise 2025-04-01',
    'dispute: goods damaged',
  ]);
});
