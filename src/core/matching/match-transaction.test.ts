import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CurrencyCode } from '../currency.ts';
import type { LocalDate } from '../local-date.ts';
import { buildCandidateIndex } from './candidate-index.ts';
import { creditorReference } from './creditor-reference.ts';
import { invoice, line, nothingKnown } from './fixtures.test-helpers.ts';
import { matchTransaction, matchWithIndex } from './match-transaction.ts';
import type { BankLine, MatchResult, OpenInvoice, PayerKnowledge } from './types.ts';

const rf = creditorReference('700000001');
const ledger: OpenInvoice[] = [
  invoice(1, { openMinor: 123_456n, paymentReference: rf }),
  invoice(2, { openMinor: 50_000n }),
  invoice(3, { openMinor: 70_000n }),
  invoice(4, { openMinor: 99_000n }),
  invoice(5, { openMinor: 99_000n }),
  invoice(12, { openMinor: 31_415n }),
  invoice(123, { openMinor: 27_182n }),
  invoice(7, { accountId: 2, accountName: 'Ashford Joinery Ltd', openMinor: 88_800n }),
  invoice(8, { accountId: 2, accountName: 'Ashford Joinery Ltd', openMinor: 12_345n, currency: 'GBP' as CurrencyCode }),
  invoice(9, { accountId: 3, accountName: 'Lefèvre Transports SAS', openMinor: 40_000n, issueDate: '2024-06-01' as LocalDate, dueDate: '2024-07-01' as LocalDate }),
  invoice(20, { accountId: 4, accountName: 'Brandt Sanitär KG', openMinor: 48_100n }),
  invoice(21, { accountId: 4, accountName: 'Brandt Sanitär KG', openMinor: 48_300n }),
  invoice(22, { accountId: 5, accountName: 'Keystone & Ironwood Distribution LLC', openMinor: 415_282n }),
];
const iban = 'DE89370400440532013000';
const knowsIban: PayerKnowledge = { ibans: new Map([[iban, 1]]), names: new Map() };
const index = buildCandidateIndex(ledger);

type Row = {
  name: string;
  line: Partial<BankLine>;
  knowledge?: PayerKnowledge;
  expect: (r: MatchResult) => void;
};

const auto = (ids: number[], extra: { short?: bigint; remainder?: bigint } = {}) => (r: MatchResult): void => {
  assert.equal(r.kind, 'auto', JSON.stringify(r, (_, v: unknown) => (typeof v === 'bigint' ? String(v) : v)));
  if (r.kind !== 'auto') return;
  assert.deepEqual(r.allocations.map((a) => a.invoiceId).sort((a, b) => a - b), ids);
  assert.equal(r.shortMinor, extra.short ?? 0n);
  assert.equal(r.remainderMinor, extra.remainder ?? 0n);
  assert.ok(r.score >= 0.8 && r.score <= 1);
  assert.ok(r.explanation.every((s) => s.text.length > 10));
};
const review = (reason?: string) => (r: MatchResult): void => {
  assert.equal(r.kind, 'review');
  if (r.kind === 'review' && reason !== undefined) assert.equal(r.reason, reason);
};
const unmatched = (reason: string) => (r: MatchResult): void => {
  assert.equal(r.kind, 'unmatched');
  if (r.kind === 'unmatched') assert.equal(r.reason, reason);
};

const rows: Row[] = [
  { name: 'RF reference and exact amount', line: { amountMinor: 123_456n, reference: rf }, expect: auto([1]) },
  { name: 'RF reference written in groups in the text', line: { amountMinor: 123_456n, remittance: `Ref ${rf.replace(/(.{4})/g, '$1 ')}` }, expect: auto([1]) },
  { name: 'invoice number, other case and separators, exact amount', line: { amountMinor: 50_000n, remittance: 'Rechnung inv 2024 000002' }, expect: auto([2]) },
  { name: 'invoice number without leading zeros', line: { amountMinor: 50_000n, remittance: 'INV-2024-2' }, expect: auto([2]) },
  { name: 'typo in the number, amount exact', line: { amountMinor: 70_000n, remittance: 'Invoice INV-2024-000033' }, expect: auto([3]) },
  { name: 'prefix never matches: INV-12 is not INV-123', line: { amountMinor: 27_182n, remittance: 'INV-2024-12' }, expect: review() },
  { name: 'prefix never matches: INV-123 is not INV-12', line: { amountMinor: 31_415n, remittance: 'INV-2024-123' }, expect: review() },
  { name: 'same amount, no reference: never automatic', line: { amountMinor: 99_000n, counterpartyName: 'MUELLER BAU GMBH', counterpartyIban: iban }, knowledge: knowsIban, expect: review() },
  { name: 'same amount, but the number decides', line: { amountMinor: 99_000n, remittance: 'INV-2024-000005', counterpartyIban: iban }, knowledge: knowsIban, expect: auto([5]) },
  { name: 'one payment for two invoices (subset sum), known IBAN', line: { amountMinor: 120_000n, counterpartyIban: iban }, knowledge: knowsIban, expect: auto([2, 3]) },
  { name: 'two invoices named, exact sum', line: { amountMinor: 120_000n, remittance: 'INV-2024-000002 + INV-2024-000003' }, expect: auto([2, 3]) },
  { name: 'bank fee within tolerance', line: { amountMinor: 123_456n - 600n, reference: rf }, expect: auto([1], { short: 600n }) },
  { name: 'fee with a known payer and no reference', line: { amountMinor: 88_800n - 400n, counterpartyName: 'ASHFORD JOINERY LIMITED' }, expect: auto([7], { short: 400n }) },
  { name: 'short beyond tolerance is a part payment (reference + payer)', line: { amountMinor: 60_000n, reference: rf, counterpartyIban: iban }, knowledge: knowsIban, expect: auto([1]) },
  { name: 'part payment with a reference only: review', line: { amountMinor: 60_000n, reference: rf }, expect: review('below_threshold') },
  { name: 'overpayment keeps the remainder', line: { amountMinor: 123_456n + 1_000n, reference: rf, counterpartyName: 'Müller Bau GmbH' }, expect: auto([1], { remainder: 1_000n }) },
  { name: 'name and exact amount, unique', line: { amountMinor: 88_800n, counterpartyName: 'JOINERY ASHFORD LTD' }, expect: auto([7]) },
  { name: 'exact amount beats an invoice that fits only less bank charges', line: { amountMinor: 48_100n, counterpartyName: 'BRANDT SANITAER KG' }, expect: auto([20]) },
  { name: 'two invoices that both fit less bank charges: review', line: { amountMinor: 48_000n, counterpartyName: 'BRANDT SANITAER KG' }, expect: review('too_close') },
  { name: 'payer name cut at the field width, exact amount', line: { amountMinor: 415_282n, counterpartyName: 'KEYSTONE & IRONWOOD DIS' }, expect: auto([22]) },
  { name: 'name too different', line: { amountMinor: 88_800n, counterpartyName: 'Ashford Holdings' }, expect: review('below_threshold') },
  { name: 'currency mismatch', line: { amountMinor: 12_345n, remittance: 'INV-2024-000008' }, expect: unmatched('currency_mismatch') },
  { name: 'paid long before the invoice date', line: { amountMinor: 40_000n, remittance: 'INV-2024-000009', bookingDate: '2024-03-01' as LocalDate }, expect: unmatched('no_candidate') },
  { name: 'paid just before the invoice date (within the window)', line: { amountMinor: 40_000n, remittance: 'INV-2024-000009', bookingDate: '2024-05-28' as LocalDate }, expect: auto([9]) },
  { name: 'wrong number quoted, amount fits another invoice of the payer', line: { amountMinor: 70_000n, remittance: 'INV-2024-000002', counterpartyIban: iban }, knowledge: knowsIban, expect: review() },
  { name: 'money out is never matched', line: { amountMinor: -50_000n, remittance: 'INV-2024-000002' }, expect: unmatched('not_a_credit') },
  { name: 'nothing to go on', line: { amountMinor: 1n, counterpartyName: 'Finanzamt', remittance: 'Erstattung 2023' }, expect: unmatched('no_candidate') },
];

for (const row of rows) {
  test(`matching: ${row.name}`, () => {
    row.expect(matchWithIndex(line(row.line), index, row.knowledge ?? nothingKnown));
  });
}

test('every proposal has a score in [0, 1] and signals in words', () => {
  const r = matchTransaction(line({ amountMinor: 99_000n, counterpartyName: 'Müller Bau' }), ledger, nothingKnown);
  assert.equal(r.kind, 'review');
  if (r.kind !== 'review') return;
  assert.ok(r.proposals.length >= 2);
  for (const p of r.proposals) assert.ok(p.score >= 0 && p.score <= 1 && p.signals.length > 0);
  assert.deepEqual(r.proposals.slice(0, 2).map((p) => p.allocations[0]?.invoiceId), [4, 5]);
  assert.ok(r.proposals.slice(0, 2).every((p) => p.signals.some((s) => s.kind === 'amount_exact')));
});

test('a known IBAN of another customer counts against a proposal', () => {
  const knows: PayerKnowledge = { ibans: new Map([[iban, 2]]), names: new Map() };
  const r = matchTransaction(line({ amountMinor: 60_000n, reference: rf, counterpartyIban: iban }), ledger, knows);
  assert.equal(r.kind, 'review');
  if (r.kind === 'review') assert.ok(r.proposals[0]?.signals.some((s) => s.kind === 'payer_other_account'));
});
