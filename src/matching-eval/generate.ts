// A seeded, noisy matching dataset with ground truth: an open-items ledger, learned payers,
// and bank lines of every kind in `scenarios.ts`.
import type { BankLine, OpenInvoice, PayerKnowledge } from '../core/matching/types.ts';
import { Random } from '../demo/random.ts';
import type { GenContext } from './context.ts';
import { simulateLedger, type SimAccount } from './ledger.ts';
import { scenarioWeights, scenarios, type Scenario } from './scenarios.ts';
import { makeLine } from './lines.ts';

/** One bank line with the invoices it truly pays (empty: it should be applied to nothing). */
export type LabelledLine = {
  readonly id: number;
  readonly scenario: Scenario;
  readonly line: BankLine;
  readonly truth: readonly number[];
};

/** A ledger, what was learned about payers, and labelled bank lines. */
export type MatchingDataset = {
  readonly seed: number;
  readonly invoices: readonly OpenInvoice[];
  readonly knowledge: PayerKnowledge;
  readonly lines: readonly LabelledLine[];
};

/**
 * Generates `lines` bank lines against `invoices` open invoices (default five per line),
 * the same for the same seed. Each invoice is paid by at most one line.
 */
export function generateMatchingDataset(options: { seed: number; lines: number; invoices?: number }): MatchingDataset {
  const random = new Random(options.seed);
  const ledger = simulateLedger(random, options.invoices ?? options.lines * 5);
  const byId = new Map(ledger.accounts.map((a) => [a.id, a]));
  const ctx: GenContext = {
    random,
    ledger,
    used: new Set(),
    accountOf: (inv) => byId.get(inv.accountId) as SimAccount,
  };
  const total = scenarios.reduce((s, k) => s + scenarioWeights[k], 0);
  const lines: LabelledLine[] = [];
  for (let id = 1; lines.length < options.lines; id++) {
    let roll = random.next() * total;
    const scenario = scenarios.find((k) => (roll -= scenarioWeights[k]) < 0) ?? 'no_match';
    const made = makeLine(ctx, scenario) ?? makeLine(ctx, 'name_amount');
    if (made !== null) lines.push({ id, scenario: made.scenario, line: made.line, truth: made.truth });
  }
  return { seed: options.seed, invoices: ledger.invoices, knowledge: ledger.knowledge, lines };
}

