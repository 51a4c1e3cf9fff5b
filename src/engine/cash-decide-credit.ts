// Deciding one credit line of a statement: candidates from the file's index (with the open
// amounts as this import has left them), matching, and the decision in storable form.
import type { CandidateIndex } from '../core/matching/candidate-index.ts';
import { matchTransaction } from '../core/matching/match-transaction.ts';
import type { MatchSettings } from '../core/matching/settings.ts';
import type { BankLine, OpenInvoice, PayerKnowledge, Proposal, Signal } from '../core/matching/types.ts';
import type { Part } from './cash-apply.ts';
import type { StatementLine, StoredProposal } from './cash-ports.ts';

/** What to do with a credit line. */
export type CreditDecision =
  | { readonly kind: 'auto'; readonly parts: readonly Part[]; readonly accountId: number; readonly shortMinor: bigint; readonly remainderMinor: bigint; readonly score: number; readonly signals: readonly Signal[] }
  | { readonly kind: 'queued'; readonly reason: string; readonly proposals: readonly StoredProposal[] }
  | { readonly kind: 'unmatched'; readonly reason: string };

/** The file's matching state: the index, open amounts changed by this import, learned payers. */
export type MatchState = {
  readonly index: CandidateIndex;
  readonly byId: ReadonlyMap<number, OpenInvoice>;
  /** Open amounts changed by lines applied earlier in this import. */
  readonly opens: Map<number, bigint>;
  readonly knowledge: { readonly ibans: Map<string, number>; readonly names: Map<string, number> };
  readonly settings: MatchSettings;
};

/** The matching view of a statement line. */
export function bankLineOf(t: StatementLine): BankLine {
  return {
    amountMinor: t.amount,
    currency: t.currency,
    bookingDate: t.bookingDate ?? t.valueDate,
    counterpartyName: t.counterpartyName,
    counterpartyIban: t.counterpartyIban,
    reference: t.reference,
    remittance: t.remittance,
    endToEndId: t.endToEndId,
  };
}

/** Matches a credit line against the index and decides. */
export function decideCredit(t: StatementLine, state: MatchState): CreditDecision {
  const line = bankLineOf(t);
  const knowledge: PayerKnowledge = state.knowledge;
  const current = (inv: OpenInvoice): OpenInvoice => {
    const open = state.opens.get(inv.id);
    return open === undefined ? inv : { ...inv, openMinor: open };
  };
  const candidates = state.index.candidatesFor(line, knowledge, state.settings).map(current);
  const result = matchTransaction(line, candidates, knowledge, state.settings);
  switch (result.kind) {
    case 'auto': {
      const parts = result.allocations.map((a) => ({ invoice: current(state.byId.get(a.invoiceId) as OpenInvoice), amountMinor: a.amountMinor }));
      const accountId = parts[0]?.invoice.accountId ?? 0;
      return { kind: 'auto', parts, accountId, shortMinor: result.shortMinor, remainderMinor: result.remainderMinor, score: result.score, signals: result.explanation };
    }
    case 'review':
      return { kind: 'queued', reason: result.reason, proposals: result.proposals.map((p) => storedProposal(p, state.byId)) };
    case 'unmatched':
      return { kind: 'unmatched', reason: result.reason };
  }
}

/** A proposal with invoice numbers and amounts as decimal strings, for the queue. */
export function storedProposal(p: Proposal, byId: ReadonlyMap<number, OpenInvoice>): StoredProposal {
  const first = byId.get(p.allocations[0]?.invoiceId ?? -1);
  return {
    score: p.score,
    accountId: p.accountId,
    accountName: first?.accountName ?? '',
    invoices: p.allocations.map((a) => ({ id: a.invoiceId, number: byId.get(a.invoiceId)?.number ?? String(a.invoiceId), amountMinor: a.amountMinor.toString() })),
    remainderMinor: p.remainderMinor.toString(),
    shortMinor: p.shortMinor.toString(),
    signals: p.signals.map((s) => ({ kind: s.kind, weight: Math.round(s.weight * 1000) / 1000, text: s.text })),
  };
}
