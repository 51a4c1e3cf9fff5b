// A debit that sends back an earlier credit (a SEPA return, a reversed or refunded payment):
// the cash it took off invoices goes back on them, and they are open and dunned again.
import type { CashWriter, StatementLine, StoredBankLine } from './cash-ports.ts';
import type { LedgerWriter } from './ports.ts';

const placeholders = new Set(['NOTPROVIDED', 'NONREF', 'NONE', 'NA']);
const usable = (ref: string | null): string | null => (ref === null || placeholders.has(ref.toUpperCase().replace(/[^A-Z0-9]/g, '')) ? null : ref);

/**
 * The credit a debit line reverses: by end-to-end id (up to the credit's amount), or by
 * reference with exactly the credit's amount. Null when the debit is an ordinary payment out.
 */
export async function findReversedCredit(cash: CashWriter, t: StatementLine): Promise<StoredBankLine | null> {
  const e2e = usable(t.endToEndId);
  const ref = usable(t.reference);
  if (e2e === null && ref === null) return null;
  const back = -t.amount;
  const candidates = await cash.reversalCandidates(t.currency, e2e, ref);
  return (
    candidates.find((c) => e2e !== null && c.endToEndId === e2e && back <= c.amount) ??
    candidates.find((c) => ref !== null && c.reference === ref && back === c.amount) ??
    null
  );
}

/** What a reversal did. */
export type ReversalOutcome = { readonly reopened: readonly { id: number; number: string; openMinor: bigint }[]; readonly unappliedTakenMinor: bigint };

/**
 * Undoes `credit` by the debit's amount: unapplied cash first (a refunded overpayment), then
 * the allocations, newest first; a full reversal also restores bank charges written off.
 */
export async function reverseCredit(ledger: LedgerWriter, cash: CashWriter, credit: StoredBankLine, debitLineId: number, back: bigint, actor: string): Promise<ReversalOutcome> {
  if (credit.paymentId === null) return { reopened: [], unappliedTakenMinor: 0n };
  let left = back < credit.amount ? back : credit.amount;
  const unapplied = await cash.paymentUnapplied(credit.paymentId);
  const fromUnapplied = unapplied < left ? unapplied : left;
  left -= fromUnapplied;
  const full = back >= credit.amount;
  const allocations = (await cash.allocationsOf(credit.paymentId)).reverse();
  const balances = await cash.invoiceBalances(allocations.map((a) => a.invoiceId));
  const writeOffs = new Map((credit.explanation?.writeOffs ?? []).map((w) => [w.invoiceId, BigInt(w.amountMinor)]));
  const reopened: { id: number; number: string; openMinor: bigint }[] = [];
  let accountId: number | null = null;
  for (const a of allocations) {
    const inv = balances.get(a.invoiceId);
    if (inv === undefined || (left <= 0n && !full)) continue;
    const take = a.amountMinor < left ? a.amountMinor : left;
    left -= take;
    const restored = take + (full ? (writeOffs.get(inv.id) ?? 0n) : 0n);
    if (restored <= 0n) continue;
    const open = inv.openMinor + restored > inv.totalMinor ? inv.totalMinor : inv.openMinor + restored;
    if (take > 0n) await ledger.insertAllocation({ invoiceId: inv.id, paymentId: credit.paymentId, creditNoteId: null, amountMinor: -take });
    await ledger.setOpenAmount(inv.id, open, open === 0n ? 'paid' : 'open');
    await ledger.markCasesForPlanning([{ accountId: inv.accountId, currency: inv.currency }]);
    await ledger.appendAudit([{ actor, entity: 'invoice', entityId: inv.number, action: 'reopened', detail: { reason: 'payment_reversed', bankLine: debitLineId, reversedLine: credit.id, amountMinor: restored.toString(), openMinor: open.toString() } }]);
    reopened.push({ id: inv.id, number: inv.number, openMinor: open });
    accountId = inv.accountId;
  }
  const remaining = unapplied - fromUnapplied;
  await cash.setPayment(credit.paymentId, { ...(accountId === null ? {} : { accountId }), unappliedMinor: remaining, reason: remaining > 0n ? 'overpayment' : 'reversed' });
  return { reopened, unappliedTakenMinor: fromUnapplied };
}
