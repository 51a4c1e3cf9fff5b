// The decision rules: apply automatically only what is clearly right; queue the rest.
import { namesExactly, namesInvoice } from './evidence.ts';
import type { MatchSettings } from './settings.ts';
import type { MatchResult, OpenInvoice, Proposal, ReviewReason } from './types.ts';

/** Orders proposals best first: evidence, then fewer invoices, then lower invoice ids. */
export function rankProposals(proposals: readonly Proposal[]): Proposal[] {
  return [...proposals].sort(
    (a, b) =>
      b.evidence - a.evidence ||
      a.allocations.length - b.allocations.length ||
      (a.allocations[0]?.invoiceId ?? 0) - (b.allocations[0]?.invoiceId ?? 0),
  );
}

/**
 * Decides from ranked proposals. Automatic only when the best is at or above the threshold,
 * leads the runner-up by the margin (`rivalOf`), and nothing contradicts it: without a reference, another
 * open invoice of the customer with the same amount (`same_amount`); a reference or number
 * naming other invoices while the amount fits elsewhere (`conflicting_reference`).
 */
export function decide(
  ranked: readonly Proposal[],
  candidates: readonly OpenInvoice[],
  settings: MatchSettings,
): MatchResult {
  const shown = ranked.filter((p) => p.score >= settings.reviewFloor).slice(0, settings.maxProposals);
  const best = shown[0];
  if (best === undefined) return { kind: 'unmatched', reason: 'no_candidate' };
  const review = (reason: ReviewReason): MatchResult => ({ kind: 'review', proposals: shown, reason });
  if (best.score < settings.autoThreshold) return review('below_threshold');
  const runnerUp = rivalOf(best, ranked);
  // Evidence is rounded to thousandths, so the comparison is exact at the margin.
  if (runnerUp !== undefined && Math.round((best.evidence - runnerUp.evidence) * 1000) < Math.round(settings.autoMargin * 1000)) {
    return review('too_close');
  }
  const named = best.signals.some(namesInvoice);
  if (!named && hasSameAmountTwin(best, candidates)) return review('same_amount');
  if (conflictingReference(best, ranked, named)) return review('conflicting_reference');
  return {
    kind: 'auto',
    allocations: best.allocations,
    score: best.score,
    explanation: best.signals,
    remainderMinor: best.remainderMinor,
    shortMinor: best.shortMinor,
  };
}

/**
 * The proposal the best must lead by the margin: the next one, except that a proposal paying
 * its invoices to the cent is not rivalled by one that fits only after writing off bank charges.
 * A payment that happens to equal another open amount exactly, when it was really that invoice
 * less a fee, is a coincidence of cents; an invoice owing a little more than an exact payment is
 * common (a customer with 25 open invoices has one within 0.5 % of most amounts).
 */
function rivalOf(best: Proposal, ranked: readonly Proposal[]): Proposal | undefined {
  const toTheCent = best.shortMinor === 0n && best.signals.some((s) => s.kind === 'amount_exact' || s.kind === 'amount_combined');
  return ranked.slice(1).find((p) => !(toTheCent && p.shortMinor > 0n));
}

// Another open invoice of the same customer owes exactly what one of the chosen invoices owes.
function hasSameAmountTwin(best: Proposal, candidates: readonly OpenInvoice[]): boolean {
  const chosen = new Set(best.allocations.map((a) => a.invoiceId));
  const amounts = new Set(candidates.filter((c) => chosen.has(c.id)).map((c) => c.openMinor));
  return candidates.some((c) => c.accountId === best.accountId && !chosen.has(c.id) && amounts.has(c.openMinor));
}

// The payment names some invoice, but the best proposal either is not it, leaves out another
// named invoice, or does not fit the amount while another proposal of the customer does.
function conflictingReference(best: Proposal, ranked: readonly Proposal[], named: boolean): boolean {
  const strongName = (p: Proposal): boolean => p.signals.some(namesExactly);
  const amountFits = (p: Proposal): boolean =>
    p.signals.some((s) => s.kind === 'amount_exact' || s.kind === 'amount_combined' || s.kind === 'amount_fee');
  const others = ranked.slice(1);
  if (!named) return others.some(strongName);
  const chosen = new Set(best.allocations.map((a) => a.invoiceId));
  const namedElsewhere = others.some(
    (p) => p.allocations.length === 1 && strongName(p) && !chosen.has(p.allocations[0]?.invoiceId ?? -1),
  );
  if (namedElsewhere) return true;
  if (amountFits(best)) return false;
  return others.some((p) => amountFits(p) && p.accountId === best.accountId && !p.signals.some((s) => namesInvoice(s)));
}
