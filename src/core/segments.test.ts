import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ladder } from './cadence/test-policy.ts';
import type { LocalDate } from './local-date.ts';
import { deriveSegment, policyForSegment, type PaymentHistory } from './segments.ts';

const today = '2026-03-15' as LocalDate;
const history = (over: Partial<PaymentHistory>): PaymentHistory => ({ firstInvoiceOn: '2024-01-01' as LocalDate, paidInvoices: 10, paidLate: 1, averageDaysLate: 2, openMinor: 0n, ...over });

test('segments from payment history, value and tenure, or set by hand', () => {
  const rows: [string, PaymentHistory, string | null, string][] = [
    ['punctual payer', history({}), null, 'standard'],
    ['chronic: most invoices late, 20 days on average', history({ paidLate: 6, averageDaysLate: 20 }), null, 'chronic_late'],
    ['late but only three invoices: not enough history', history({ paidInvoices: 3, paidLate: 3, averageDaysLate: 40 }), null, 'standard'],
    ['often late but only by a few days', history({ paidLate: 8, averageDaysLate: 9 }), null, 'standard'],
    ['first cycle, nothing paid yet', history({ firstInvoiceOn: '2026-02-20' as LocalDate, paidInvoices: 0, paidLate: 0 }), null, 'new_account'],
    ['new but already paid once', history({ firstInvoiceOn: '2026-02-01' as LocalDate, paidInvoices: 1, paidLate: 0 }), null, 'standard'],
    ['set by hand wins', history({ paidLate: 9, averageDaysLate: 50 }), 'strategic', 'strategic'],
  ];
  for (const [name, h, override, expected] of rows) {
    const result = deriveSegment(h, override as never, today);
    assert.equal(result.segment, expected, name);
    assert.ok(result.why.length > 5);
  }
});

test('chronic late payers get a firmer, earlier ladder; new accounts a setup check', () => {
  const base = ladder();
  const chronic = policyForSegment(base, 'chronic_late');
  assert.deepEqual(chronic.steps.map((s) => [s.offsetDays, s.tone]), [[-3, 'soft'], [0, 'soft'], [5, 'formal'], [9, 'formal'], [20, 'final'], [30, 'final']]);
  assert.ok(chronic.steps.every((s, i) => i === 0 || s.offsetDays > (chronic.steps[i - 1]?.offsetDays ?? -Infinity)));
  const fresh = policyForSegment(base, 'new_account');
  assert.deepEqual(fresh.steps.slice(0, 2).map((s) => [s.id, s.offsetDays, s.template]), [['setup-check', -10, 'setup-check'], ['d-3', -3, 'reminder-soft']]);
  assert.equal(policyForSegment(base, 'standard'), base);
});
