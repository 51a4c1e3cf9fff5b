// Runs matching over a labelled dataset and measures what matters: how often an automatic
// application is right, and how much is applied automatically.
import { buildCandidateIndex } from '../core/matching/candidate-index.ts';
import { matchWithIndex } from '../core/matching/match-transaction.ts';
import { defaultMatchSettings, type MatchSettings } from '../core/matching/settings.ts';
import type { MatchResult, OpenInvoice } from '../core/matching/types.ts';
import type { LabelledLine, MatchingDataset } from './generate.ts';
import { nameAmountScenarios, referenceScenarios, scenarios, type Scenario } from './scenarios.ts';

/** What happened to the lines of one group. */
export type Outcome = {
  lines: number;
  autoRight: number;
  autoWrong: number;
  /** Queued, with the right invoices among the proposals. */
  reviewRight: number;
  reviewOther: number;
  unmatched: number;
};

/** The evaluation of one dataset. */
export type MatchingEvaluation = {
  lines: number;
  invoices: number;
  /** Right automatic applications / all automatic applications (1 when there are none). */
  precision: number;
  /** Share of lines naming their invoices that were applied automatically and rightly. */
  referenceAutoRate: number;
  /** Share of lines with only payer and amount applied automatically and rightly. */
  nameAmountAutoRate: number;
  /**
   * The same, over the name-and-amount lines that can be decided at all: those whose invoices
   * have no open twin of the same amount at the same customer (those must go to review).
   */
  nameAmountDecidableAutoRate: number;
  total: Outcome;
  byScenario: Record<Scenario, Outcome>;
  /** The first wrong automatic applications, for diagnosis. */
  wrong: { id: number; scenario: Scenario; truth: readonly number[]; applied: number[] }[];
};

/** Matches every line of the dataset against all its invoices and scores the decisions. */
export function evaluateMatching(dataset: MatchingDataset, settings: MatchSettings = defaultMatchSettings): MatchingEvaluation {
  const index = buildCandidateIndex(dataset.invoices);
  const empty = (): Outcome => ({ lines: 0, autoRight: 0, autoWrong: 0, reviewRight: 0, reviewOther: 0, unmatched: 0 });
  const byScenario = Object.fromEntries(scenarios.map((s) => [s, empty()])) as Record<Scenario, Outcome>;
  const total = empty();
  const wrong: MatchingEvaluation['wrong'] = [];
  const twins = new Map<string, number>();
  const twinKey = (i: OpenInvoice): string => `${i.accountId} ${i.currency} ${i.openMinor}`;
  for (const i of dataset.invoices) twins.set(twinKey(i), (twins.get(twinKey(i)) ?? 0) + 1);
  const byId = new Map(dataset.invoices.map((i) => [i.id, i]));
  const decidable = { lines: 0, autoRight: 0 };
  for (const l of dataset.lines) {
    const result = matchWithIndex(l.line, index, dataset.knowledge, settings);
    const verdict = judge(l, result);
    const hasTwin = l.truth.some((id) => {
      const inv = byId.get(id);
      return inv !== undefined && (twins.get(twinKey(inv)) ?? 0) > 1;
    });
    if (nameAmountScenarios.has(l.scenario) && !hasTwin) {
      decidable.lines++;
      if (verdict === 'autoRight') decidable.autoRight++;
    }
    for (const o of [total, byScenario[l.scenario]]) {
      o.lines++;
      o[verdict]++;
    }
    if (verdict === 'autoWrong' && result.kind === 'auto' && wrong.length < 20) {
      wrong.push({ id: l.id, scenario: l.scenario, truth: l.truth, applied: result.allocations.map((a) => a.invoiceId) });
    }
  }
  const sumOf = (set: ReadonlySet<Scenario>, key: keyof Outcome): number =>
    [...set].reduce((s, k) => s + byScenario[k][key], 0);
  const auto = total.autoRight + total.autoWrong;
  return {
    lines: dataset.lines.length,
    invoices: dataset.invoices.length,
    precision: auto === 0 ? 1 : total.autoRight / auto,
    referenceAutoRate: sumOf(referenceScenarios, 'autoRight') / Math.max(1, sumOf(referenceScenarios, 'lines')),
    nameAmountAutoRate: sumOf(nameAmountScenarios, 'autoRight') / Math.max(1, sumOf(nameAmountScenarios, 'lines')),
    nameAmountDecidableAutoRate: decidable.autoRight / Math.max(1, decidable.lines),
    total,
    byScenario,
    wrong,
  };
}

function judge(l: LabelledLine, result: MatchResult): Exclude<keyof Outcome, 'lines'> {
  const truth = [...l.truth].sort((a, b) => a - b).join(',');
  const key = (ids: number[]): string => ids.sort((a, b) => a - b).join(',');
  switch (result.kind) {
    case 'auto':
      return truth !== '' && key(result.allocations.map((a) => a.invoiceId)) === truth ? 'autoRight' : 'autoWrong';
    case 'review':
      return result.proposals.some((p) => key(p.allocations.map((a) => a.invoiceId)) === truth) ? 'reviewRight' : 'reviewOther';
    case 'unmatched':
      return 'unmatched';
  }
}

/** A plain-text report: the three headline figures, then a row per scenario. */
export function formatMatchingEvaluation(e: MatchingEvaluation): string {
  const pct = (n: number): string => `${(n * 100).toFixed(2)} %`;
  const col = (v: string | number, w = 9): string => String(v).padStart(w);
  const row = (name: string, o: Outcome): string =>
    `${name.padEnd(20)}${col(o.lines)}${col(o.autoRight)}${col(o.autoWrong)}${col(o.reviewRight)}${col(o.reviewOther)}${col(o.unmatched)}`;
  return [
    `${e.lines} bank lines against ${e.invoices} open invoices`,
    `precision of automatic applications: ${pct(e.precision)} (${e.total.autoRight} right, ${e.total.autoWrong} wrong)`,
    `applied automatically, lines naming their invoices: ${pct(e.referenceAutoRate)}`,
    `applied automatically, lines with only payer and amount: ${pct(e.nameAmountAutoRate)}` +
      ` (${pct(e.nameAmountDecidableAutoRate)} of those without a same-amount twin)`,
    '',
    `${'scenario'.padEnd(20)}${col('lines')}${col('auto ok')}${col('auto bad')}${col('review ok')}${col('review')}${col('none')}`,
    ...scenarios.map((s) => row(s, e.byScenario[s])),
    row('all', e.total),
  ].join('\n');
}
