// Turns scored evidence into proposals: single invoices, the invoices a payment names together,
// and combinations of one customer's invoices that add up to the payment.
import { allocate, amountFit } from './amounts.ts';
import { namesExactly } from './evidence.ts';
import { findCombinations } from './subset-sum.ts';
import type { MatchSettings } from './settings.ts';
import type { BankLine, OpenInvoice, Proposal, Signal } from './types.ts';

/** The evidence a proposal is built from. */
export type ProposalInputs = {
  readonly line: BankLine;
  readonly candidates: readonly OpenInvoice[];
  readonly identOf: (inv: OpenInvoice) => Signal | null;
  readonly payerOf: (accountId: number, accountName: string) => Signal[];
  readonly settings: MatchSettings;
};

/** Every proposal worth ranking, each once (keyed by its set of invoices). */
export function buildProposals(input: ProposalInputs): Proposal[] {
  const { line, candidates, identOf, payerOf, settings } = input;
  const out = new Map<string, Proposal>();
  const add = (invoices: readonly OpenInvoice[]): void => {
    const key = invoices.map((i) => i.id).sort((a, b) => a - b).join(',');
    if (!out.has(key)) out.set(key, propose(invoices, input));
  };
  const byAccount = new Map<number, OpenInvoice[]>();
  for (const inv of candidates) {
    add([inv]);
    const list = byAccount.get(inv.accountId) ?? [];
    list.push(inv);
    byAccount.set(inv.accountId, list);
  }
  for (const [accountId, invoices] of byAccount) {
    const named = invoices.filter((i) => {
      const s = identOf(i);
      return s !== null && namesExactly(s);
    });
    if (named.length >= 2 && named.length <= settings.subsetCandidates) add(named);
    const first = invoices[0];
    const payerKnown = first !== undefined && payerOf(accountId, first.accountName).some((s) => s.weight > 0);
    if (named.length === 0 && !payerKnown) continue;
    for (const combo of findCombinations(line.amountMinor, invoices, settings)) add(combo);
  }
  return [...out.values()];
}

function propose(invoices: readonly OpenInvoice[], input: ProposalInputs): Proposal {
  const { line, identOf, payerOf, settings } = input;
  const first = invoices[0] as OpenInvoice;
  const signals: Signal[] = [];
  for (const inv of invoices) {
    const s = identOf(inv);
    if (s !== null) signals.push({ ...s, weight: s.weight / invoices.length });
  }
  const fit = amountFit(line.amountMinor, invoices, line.currency, settings);
  signals.push(fit.signal);
  signals.push(...payerOf(first.accountId, first.accountName));
  const total = signals.reduce((s, x) => s + x.weight, 0);
  return {
    allocations: allocate(line.amountMinor, invoices),
    accountId: first.accountId,
    score: Math.round(Math.min(1, Math.max(0, total)) * 1000) / 1000,
    evidence: Math.round(total * 1000) / 1000,
    signals,
    remainderMinor: fit.remainderMinor,
    shortMinor: fit.shortMinor,
  };
}
