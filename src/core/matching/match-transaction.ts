// Matching one bank line against pre-selected open invoices: evidence, proposals, decision.
import { daysBetween } from '../local-date.ts';
import { decide, rankProposals } from './decide.ts';
import { identification, namesExactly, payerEvidence, typoWindowsOf } from './evidence.ts';
import { readLine } from './line-evidence.ts';
import { buildProposals } from './proposals.ts';
import { defaultMatchSettings, type MatchSettings } from './settings.ts';
import type { CandidateIndex } from './candidate-index.ts';
import type { BankLine, MatchResult, OpenInvoice, PayerKnowledge, Signal } from './types.ts';

/**
 * Scores every way to apply `line` to `candidates` (usually from `CandidateIndex.candidatesFor`)
 * and decides: applied automatically, queued for review with ranked proposals, or unmatched.
 */
export function matchTransaction(
  line: BankLine,
  candidates: readonly OpenInvoice[],
  knowledge: PayerKnowledge,
  settings: MatchSettings = defaultMatchSettings,
): MatchResult {
  if (line.amountMinor <= 0n) return { kind: 'unmatched', reason: 'not_a_credit' };
  const ev = readLine(line);
  const usable = candidates.filter((c) => c.currency === line.currency && c.openMinor > 0n && inWindow(line, c, settings));
  const typoWindows = typoWindowsOf(ev, candidates);
  const identCache = new Map<number, Signal | null>();
  const identOf = (inv: OpenInvoice): Signal | null => {
    if (!identCache.has(inv.id)) identCache.set(inv.id, identification(inv, ev, typoWindows, settings));
    return identCache.get(inv.id) ?? null;
  };
  const payerOf = payerEvidence(line, ev, knowledge, settings);
  const ranked = rankProposals(buildProposals({ line, candidates: usable, identOf, payerOf, settings }));
  const decision = decide(ranked, usable, settings);
  // The payment names an invoice only in another currency: never applied automatically.
  const exactly = (c: OpenInvoice): boolean => {
    const s = identOf(c);
    return s !== null && namesExactly(s);
  };
  const namedElsewhere = !usable.some(exactly) && candidates.some((c) => c.currency !== line.currency && exactly(c));
  if (!namedElsewhere || decision.kind === 'review') return decision;
  if (decision.kind === 'unmatched') return { kind: 'unmatched', reason: 'currency_mismatch' };
  return { kind: 'review', proposals: ranked.slice(0, settings.maxProposals), reason: 'currency_mismatch' };
}

/** Pre-selects candidates from the index, then matches (the usual way to call matching). */
export function matchWithIndex(
  line: BankLine,
  index: CandidateIndex,
  knowledge: PayerKnowledge,
  settings: MatchSettings = defaultMatchSettings,
): MatchResult {
  return matchTransaction(line, index.candidatesFor(line, knowledge, settings), knowledge, settings);
}

/** False when the payment was booked implausibly long before the invoice existed. */
export function inWindow(line: BankLine, inv: OpenInvoice, settings: MatchSettings): boolean {
  if (line.bookingDate === null) return true;
  if (inv.issueDate !== undefined) return daysBetween(line.bookingDate, inv.issueDate) <= settings.maxDaysBeforeIssue;
  return daysBetween(line.bookingDate, inv.dueDate) <= settings.maxDaysBeforeDue;
}
