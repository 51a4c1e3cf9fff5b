// A statement's lines written in batches. Each credit is decided at once (matching sees the
// open amounts and payers as earlier lines left them), but its payment, bank line, allocations,
// open amounts and audit entries wait and go to the store a few statements per batch, instead
// of several round trips per line.
import { applicationAudit, followUps, payerLinks, planParts, remainderReason, type PartOutcome } from './cash-apply.ts';
import type { CreditDecision } from './cash-decide-credit.ts';
import type { BankLineChange, NewBankLine, StatementLine } from './cash-ports.ts';
import type { FileContext } from './cash-statement-lines.ts';
import type { AuditEntry, NewPayment } from './ports.ts';

type Pending =
  | { readonly kind: 'credit'; readonly line: NewBankLine; readonly payment: NewPayment; readonly decided: BankLineChange; readonly outcomes: readonly PartOutcome[] }
  | { readonly kind: 'ignored'; readonly line: NewBankLine; readonly decided: BankLineChange };

/** Decided lines not yet written, and the means to write them. */
export type LineBatch = {
  readonly size: number;
  /** Takes a decided credit; the file's matching state moves on as if it were written. */
  addCredit(account: string, t: StatementLine, decision: CreditDecision): 'applied' | 'queued' | 'unmatched';
  /** Takes a debit that reverses nothing. */
  addIgnored(account: string, t: StatementLine): 'ignored';
  /** True when a waiting credit has the debit's end-to-end id or reference: it must be written before the debit is looked at. */
  mayBeReversedBy(t: StatementLine): boolean;
  flush(): Promise<void>;
};

/** A batch for one file's transaction. */
export function lineBatch(ctx: FileContext): LineBatch {
  let pending: Pending[] = [];
  const lineOf = (account: string, t: StatementLine): NewBankLine => ({ ...t, importId: ctx.importId, file: ctx.file, fileHash: ctx.fileHash, statementAccount: account });
  return {
    get size() {
      return pending.length;
    },
    addCredit(account, t, decision) {
      const payment = { ref: `bank:${t.entryId}`, currency: t.currency, amountMinor: t.amount, receivedOn: t.bookingDate ?? t.valueDate ?? ctx.today, reference: t.reference, contentHash: t.entryId, source: ctx.file };
      if (decision.kind !== 'auto') {
        const unapplied = { accountId: null, unappliedMinor: t.amount, unappliedReason: decision.kind === 'queued' ? 'in_review' : 'unmatched', invoiceNumber: null };
        const proposals = decision.kind === 'queued' ? decision.proposals : [];
        pending.push({ kind: 'credit', line: lineOf(account, t), payment: { ...payment, ...unapplied }, decided: { status: decision.kind, reason: decision.reason, proposals }, outcomes: [] });
        return decision.kind;
      }
      const outcomes = planParts(decision.parts, decision.shortMinor);
      const remainder = t.amount - outcomes.reduce((s, o) => s + o.amountMinor, 0n);
      const writeOffs = outcomes.filter((o) => o.writtenOffMinor > 0n).map((o) => ({ invoiceId: o.invoice.id, amountMinor: o.writtenOffMinor.toString() }));
      pending.push({
        kind: 'credit',
        line: lineOf(account, t),
        payment: { ...payment, accountId: decision.accountId, unappliedMinor: remainder, unappliedReason: remainderReason(outcomes, remainder), invoiceNumber: outcomes.map((o) => o.invoice.number).join(', ') },
        decided: {
          status: 'applied',
          reason: 'auto',
          score: decision.score,
          explanation: { signals: decision.signals.map((s) => ({ kind: s.kind, weight: Math.round(s.weight * 1000) / 1000, text: s.text })), writeOffs },
          writtenOffMinor: outcomes.reduce((s, o) => s + o.writtenOffMinor, 0n),
        },
        outcomes,
      });
      for (const o of outcomes) ctx.state.opens.set(o.invoice.id, o.openAfter);
      // The payer is known from the next line on; the link is stored with the line's id at the flush.
      for (const l of payerLinks(t, decision.accountId, 0)) (l.kind === 'iban' ? ctx.state.knowledge.ibans : ctx.state.knowledge.names).set(l.key, l.accountId);
      return 'applied';
    },
    addIgnored(account, t) {
      pending.push({ kind: 'ignored', line: lineOf(account, t), decided: { status: 'ignored', reason: t.amount === 0n ? 'zero_amount' : 'debit' } });
      return 'ignored';
    },
    mayBeReversedBy(t) {
      return pending.some((p) => p.kind === 'credit' && p.line.currency === t.currency && ((t.endToEndId !== null && p.line.endToEndId === t.endToEndId) || (t.reference !== null && p.line.reference === t.reference)));
    },
    async flush() {
      if (pending.length === 0) return;
      const batch = pending;
      pending = [];
      const credits = batch.filter((p) => p.kind === 'credit');
      const paymentIds = await ctx.cash.insertPayments(credits.map((p) => p.payment));
      const paymentOf = (p: { payment: NewPayment }): number => paymentIds.get(p.payment.ref) as number;
      const lineIds = await ctx.cash.insertLines(batch.map((p) => ({ row: p.line, decided: p.kind === 'credit' ? { ...p.decided, paymentId: paymentOf(p) } : p.decided })));
      const allocations: { invoiceId: number; paymentId: number; amountMinor: bigint }[] = [];
      const opens = new Map<number, { id: number; openMinor: bigint; status: string }>();
      const audit: AuditEntry[] = [];
      for (const p of credits) {
        if (p.outcomes.length === 0) continue;
        const applied = { id: lineIds.get(p.line.entryId) as number, paymentId: paymentOf(p), line: p.line };
        for (const o of p.outcomes) {
          allocations.push({ invoiceId: o.invoice.id, paymentId: applied.paymentId, amountMinor: o.amountMinor });
          opens.set(o.invoice.id, { id: o.invoice.id, openMinor: o.openAfter, status: o.openAfter === 0n ? 'paid' : 'open' });
        }
        audit.push(...applicationAudit(applied, p.outcomes, ctx.actor));
        const later = followUps(applied, p.outcomes);
        ctx.deferred.cases.push(...later.cases);
        ctx.deferred.links.push(...later.links);
      }
      await ctx.cash.insertAllocations(allocations);
      await ctx.cash.setOpenAmounts([...opens.values()]);
      for (let i = 0; i < audit.length; i += 1000) await ctx.ledger.appendAudit(audit.slice(i, i + 1000));
    },
  };
}
