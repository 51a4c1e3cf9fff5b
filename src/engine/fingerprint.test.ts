import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fingerprint } from './fingerprint.ts';

// Stored fingerprints decide whether a re-imported row changed: the values below were computed
// by the first implementation and must never change, or every re-import would "update" the ledger.
test('fingerprints are stable across versions', () => {
  assert.equal(fingerprint({ number: 'B-1', kind: 'invoice', totalMinor: 1234n, paymentReference: null, instalments: [], country: undefined }), '3_8WePoBOP_pyOsT7zi0ZB');
  assert.equal(fingerprint({ instalments: [{ dueDate: '2026-01-01', amountMinor: 500n }], number: 'X' }), 'ZgVVpDCE_A8MZ9bHJRJEtP');
  assert.equal(fingerprint({ ref: 'P-1', amountMinor: 99n, receivedOn: '2026-02-02', reference: 'RF18 5390 0754 7034' }), 'GTbwKijdDw6FRjC8HWGJJE');
});

test('key order does not matter, values do', () => {
  const a = fingerprint({ number: 'B-1', totalMinor: 10n, dueDate: '2026-01-31' });
  assert.equal(fingerprint({ dueDate: '2026-01-31', totalMinor: 10n, number: 'B-1' }), a);
  assert.notEqual(fingerprint({ number: 'B-1', totalMinor: 11n, dueDate: '2026-01-31' }), a);
  assert.notEqual(fingerprint({ number: 'B-1', totalMinor: 10n, dueDate: null }), a);
  // The same keys in another order, after the first shape was seen, still sort the same.
  assert.equal(fingerprint({ totalMinor: 10n, number: 'B-1', dueDate: '2026-01-31' }), a);
});
