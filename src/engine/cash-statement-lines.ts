// The two kinds of statement line: a credit (matched, then applied or queued) and a debit
// (a reversal of an earlier credit, or an ordinary payment out that is kept as ignored).
import type { LocalDate } from '../core/local-date.ts';
import { payerLinks, planParts, remainderReason, writeApplication, type Deferred } from './cash-apply.ts';
import { decideCredit, type CreditDecision, type MatchState } from './cash-decide-credit.ts';
import type { CashWriter, NewBankLine, StatementLine } from './cash-ports.ts';
import { findReversedCredit, reverseCredit } from './cash-reverse.ts';
import type { LedgerWriter } from './ports.ts';

/** What one import shares across its lines. */
export type FileContext = {
  readonly ledger: LedgerWriter;
  readonly cash: CashWriter;
  readonly importId: number;
  readonly file: string;
  readonly fileHash: string;
  readonly today: LocalDate;
  readonly actor: string;
  readonly state: MatchState;
  /** Case marks and payer links, written once after the last line. */
  readonly deferred: Deferred;
};

/** The counter a line adds to. */
export type LineOutcome = 'applied' | 'queued' | 'unmatched' | 'ignored' | 'reversals';

function newLine(ctx: FileContext, account: string, t: StatementLine): NewBankLine {
  return { ...t, importId: ctx.importId, file: ctx.file, fileHash: ctx.fileHash, statementAccount: account };
}

/** Matches a credit and applies it, or queues it with its proposals; the cash is kept as a payment either way. */
export async function handleCredit(ctx: FileContext, account: string, t: StatementLine): Promise<LineOutcome> {
  return (await writeCredit(ctx, account, t, decideCredit(t, ctx.state))).outcome;
}

/**
 * Writes a decided credit: the payment, the line, and (when applied) the allocations through
 * writeApplication, exactly as for any bank line. Also used for processor events whose invoice
 * is known without matching.
 */
export async function writeCredit(ctx: FileContext, account: string, t: StatementLine, decision: CreditDecision): Promise<{ outcome: 'applied' | 'queued' | 'unmatched'; lineId: number }> {
  const { ledger, cash, state } = ctx;
  const payment = { ref: `bank:${t.entryId}`, currency: t.currency, amountMinor: t.amount, receivedOn: t.bookingDate ?? t.valueDate ?? ctx.today, reference: t.reference, contentHash: t.entryId, source: ctx.file };
  if (decision.kind !== 'auto') {
    const paymentId = await ledger.insertPayment({ ...payment, accountId: null, unappliedMinor: t.amount, unappliedReason: decision.kind === 'queued' ? 'in_review' : 'unmatched', invoiceNumber: null });
    const proposals = decision.kind === 'queued' ? decision.proposals : [];
    const lineId = await cash.insertLine(newLine(ctx, account, t), { status: decision.kind, reason: decision.reason, proposals, paymentId });
    return { outcome: decision.kind, lineId };
  }
  const outcomes = planParts(decision.parts, decision.shortMinor);
  const remainder = t.amount - outcomes.reduce((s, o) => s + o.amountMinor, 0n);
  const paymentId = await ledger.insertPayment({
    ...payment,
    accountId: decision.accountId,
    unappliedMinor: remainder,
    unappliedReason: remainderReason(outcomes, remainder),
    invoiceNumber: outcomes.map((o) => o.invoice.number).join(', '),
  });
  const writeOffs = outcomes.filter((o) => o.writtenOffMinor > 0n).map((o) => ({ invoiceId: o.invoice.id, amountMinor: o.writtenOffMinor.toString() }));
  const lineId = await cash.insertLine(newLine(ctx, account, t), {
    status: 'applied',
    reason: 'auto',
    score: decision.score,
    explanation: { signals: decision.signals.map((s) => ({ kind: s.kind, weight: Math.round(s.weight * 1000) / 1000, text: s.text })), writeOffs },
    paymentId,
    writtenOffMinor: outcomes.reduce((s, o) => s + o.writtenOffMinor, 0n),
  });
  await writeApplication(ledger, cash, { id: lineId, paymentId, line: t }, outcomes, ctx.actor, ctx.deferred);
  for (const o of outcomes) state.opens.set(o.invoice.id, o.openAfter);
  for (const l of payerLinks(t, decision.accountId, lineId)) (l.kind === 'iban' ? state.knowledge.ibans : state.knowledge.names).set(l.key, l.accountId);
  return { outcome: 'applied', lineId };
}

/** A debit reversing an earlier credit reopens what it paid; any other debit is kept, ignored. */
export async function handleDebit(ctx: FileContext, account: string, t: StatementLine): Promise<LineOutcome> {
  const { ledger, cash } = ctx;
  const credit = t.amount === 0n ? null : await findReversedCredit(cash, t);
  if (credit === null) {
    await cash.insertLine(newLine(ctx, account, t), { status: 'ignored', reason: t.amount === 0n ? 'zero_amount' : 'debit' });
    return 'ignored';
  }
  const lineId = await cash.insertLine(newLine(ctx, account, t), { status: 'applied', reason: 'reversal', reversesLineId: credit.id });
  const outcome = await reverseCredit(ledger, cash, credit, lineId, -t.amount, ctx.actor);
  for (const r of outcome.reopened) if (ctx.state.byId.has(r.id)) ctx.state.opens.set(r.id, r.openMinor);
  await cash.updateLine(credit.id, credit.status === 'applied' ? { status: 'applied', reason: 'reversed' } : { status: 'ignored', reason: 'returned' });
  await ledger.appendAudit([{ actor: ctx.actor, entity: 'bank_line', entityId: String(credit.id), action: 'reversed', detail: { by: lineId, entryId: t.entryId, amountMinor: (-t.amount).toString() } }]);
  return 'reversals';
}
