// Putting received cash on invoices: allocations, open amounts, statuses, bank charges written
// off, the case marked for planning, the payer learned, and an audit entry for each change.
import { payerNameKey } from '../core/matching/payer-name.ts';
import type { CashWriter, InvoiceBalance, StatementLine } from './cash-ports.ts';
import type { AuditEntry, LedgerWriter } from './ports.ts';

/** Money for one invoice. */
export type Part = { readonly invoice: Pick<InvoiceBalance, 'id' | 'number' | 'accountId' | 'currency' | 'openMinor'>; readonly amountMinor: bigint };

/** What applying does to one invoice. */
export type PartOutcome = Part & { readonly openAfter: bigint; readonly writtenOffMinor: bigint };

/**
 * Plans an application: each invoice's open amount after its part, and the shortfall written
 * off as bank charges where up to `maxWriteOff` in total closes an invoice (never more).
 */
export function planParts(parts: readonly Part[], maxWriteOff: bigint): PartOutcome[] {
  let left = maxWriteOff;
  return parts.map((p) => {
    const after = p.invoice.openMinor - p.amountMinor;
    const writeOff = after > 0n && after <= left ? after : 0n;
    left -= writeOff;
    return { ...p, openAfter: after - writeOff, writtenOffMinor: writeOff };
  });
}

/** Why cash left over after applying stays unapplied: everything chosen is paid, or not. */
export function remainderReason(outcomes: readonly PartOutcome[], remainder: bigint): string | null {
  if (remainder <= 0n) return null;
  return outcomes.every((o) => o.openAfter === 0n) ? 'overpayment' : 'partly_applied';
}

/** The bank line being applied, with its stored id and payment. */
export type AppliedLine = { readonly id: number; readonly paymentId: number; readonly line: StatementLine };

/** Writes a planned application: allocations, invoices, audit, and (now or via `defer`) case marks and payer links. */
export async function writeApplication(
  ledger: LedgerWriter,
  cash: CashWriter,
  applied: AppliedLine,
  outcomes: readonly PartOutcome[],
  actor: string,
  defer?: Deferred,
): Promise<void> {
  for (const o of outcomes) {
    await ledger.insertAllocation({ invoiceId: o.invoice.id, paymentId: applied.paymentId, creditNoteId: null, amountMinor: o.amountMinor });
    await ledger.setOpenAmount(o.invoice.id, o.openAfter, o.openAfter === 0n ? 'paid' : 'open');
  }
  await ledger.appendAudit(applicationAudit(applied, outcomes, actor));
  const later = followUps(applied, outcomes);
  if (defer) {
    defer.cases.push(...later.cases);
    defer.links.push(...later.links);
  } else {
    await ledger.markCasesForPlanning(later.cases);
    await cash.learnPayers(later.links);
  }
}

/** The audit entries of an application: each invoice paid or part paid, and any bank charges written off. */
export function applicationAudit(applied: AppliedLine, outcomes: readonly PartOutcome[], actor: string): AuditEntry[] {
  return outcomes.flatMap((o) => [
    { actor, entity: 'invoice', entityId: o.invoice.number, action: o.openAfter === 0n ? 'paid' : 'part_paid', detail: { bankLine: applied.id, entryId: applied.line.entryId, amountMinor: o.amountMinor.toString(), openMinor: o.openAfter.toString() } },
    ...(o.writtenOffMinor > 0n
      ? [{ actor, entity: 'invoice', entityId: o.invoice.number, action: 'written_off', detail: { reason: 'bank_charges', bankLine: applied.id, amountMinor: o.writtenOffMinor.toString() } }]
      : []),
  ]);
}

/** Case marks and payer links an import collects and writes once, at the end of the file. */
export type Deferred = { readonly cases: { accountId: number; currency: string }[]; readonly links: PayerLink[] };

/** The cases to mark and the payers to learn after an application. */
export function followUps(applied: AppliedLine, outcomes: readonly PartOutcome[]): Deferred {
  const accountId = outcomes[0]?.invoice.accountId;
  return {
    cases: outcomes.map((o) => ({ accountId: o.invoice.accountId, currency: o.invoice.currency })),
    links: accountId === undefined ? [] : payerLinks(applied.line, accountId, applied.id),
  };
}

type PayerLink = { kind: 'iban' | 'name'; key: string; accountId: number; lineId: number };

/** The payer links a line teaches once it is applied to an account's invoices. */
export function payerLinks(line: StatementLine, accountId: number, lineId: number): { kind: 'iban' | 'name'; key: string; accountId: number; lineId: number }[] {
  const out: { kind: 'iban' | 'name'; key: string; accountId: number; lineId: number }[] = [];
  const iban = line.counterpartyIban?.replace(/\s+/g, '').toUpperCase() ?? '';
  if (iban !== '') out.push({ kind: 'iban', key: iban, accountId, lineId });
  const name = line.counterpartyName === null ? '' : payerNameKey(line.counterpartyName);
  if (name !== '') out.push({ kind: 'name', key: name, accountId, lineId });
  return out;
}
