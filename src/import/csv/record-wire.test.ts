import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serialize, deserialize } from 'node:v8';
import type { InvoiceRecord, PaymentRecord } from '../../core/ledger.ts';
import { invoiceWire, paymentWire } from './record-wire.ts';

// Every field must survive the trip between threads, in its place (a field added to the
// record but not to the wire would be lost or shifted).
test('invoice records cross the wire whole', () => {
  const record = {
    number: 'B-1', kind: 'credit_note', accountRef: 'ACC-1', accountName: 'Acme', currency: 'EUR', issueDate: '2026-01-01',
    dueDate: '2026-02-01', dueDateSource: 'derived', totalMinor: 12345n, openMinor: 45n, paymentReference: 'RF18', poNumber: 'PO-9',
    terms: 'net 30', correctsNumber: 'B-0', buyerEmail: 'ap@acme.test', country: 'DE', instalments: [{ dueDate: '2026-03-01', amountMinor: 5n }],
  } as unknown as InvoiceRecord;
  const item = invoiceWire.decode(deserialize(serialize(invoiceWire.encode(7, 'fp', record))) as unknown[]);
  assert.deepEqual(item, { kind: 'record', line: 7, fingerprint: 'fp', record });
  assert.deepEqual(Object.keys(item.kind === 'record' ? item.record : {}).sort(), Object.keys(record).sort());
});

test('payment records cross the wire whole', () => {
  const record = { ref: 'P-1', accountRef: null, invoiceNumber: 'B-1', currency: 'USD', amountMinor: 99n, receivedOn: '2026-02-02', reference: 'ref' } as unknown as PaymentRecord;
  const item = paymentWire.decode(deserialize(serialize(paymentWire.encode(3, 'fp', record))) as unknown[]);
  assert.deepEqual(item, { kind: 'record', line: 3, fingerprint: 'fp', record });
  assert.deepEqual(Object.keys(item.kind === 'record' ? item.record : {}).sort(), Object.keys(record).sort());
});
