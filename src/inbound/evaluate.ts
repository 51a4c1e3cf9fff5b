// Scores the intent classifier against labelled replies: per-intent precision, recall, F1.
import { classifyIntent } from './intent/classify-intent.ts';
import { intents } from './intent/types.ts';
import type { Intent } from './intent/types.ts';
import type { LabelledReply } from './labels.ts';

/** Precision, recall and F1 of one intent over a set of replies. */
export type IntentScore = { intent: Intent; precision: number; recall: number; f1: number; support: number };

/** The evaluation of a reply set; `misses` lists wrong predictions for tuning (never tune on held-out). */
export type Evaluation = {
  perIntent: IntentScore[];
  macroF1: number;
  accuracy: number;
  misses: { id: string; expected: Intent; predicted: Intent; confidence: number }[];
};

/** Classifies every labelled reply and compares with its label; macro-F1 averages intents with support. */
export function evaluateReplies(lines: readonly LabelledReply[]): Evaluation {
  const predictions = lines.map((l) => ({
    line: l,
    result: classifyIntent({ subject: l.subject, body: l.body, lang: l.lang, receivedAt: l.receivedAt }),
  }));
  const perIntent = intents.map((intent) => {
    const tp = predictions.filter((p) => p.result.intent === intent && p.line.intent === intent).length;
    const predicted = predictions.filter((p) => p.result.intent === intent).length;
    const support = lines.filter((l) => l.intent === intent).length;
    const precision = predicted === 0 ? 0 : tp / predicted;
    const recall = support === 0 ? 0 : tp / support;
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    return { intent, precision, recall, f1, support };
  });
  const scored = perIntent.filter((s) => s.support > 0);
  const macroF1 = scored.reduce((sum, s) => sum + s.f1, 0) / Math.max(1, scored.length);
  const misses = predictions
    .filter((p) => p.result.intent !== p.line.intent)
    .map((p) => ({ id: p.line.id, expected: p.line.intent, predicted: p.result.intent, confidence: p.result.confidence }));
  return { perIntent, macroF1, accuracy: (lines.length - misses.length) / Math.max(1, lines.length), misses };
}

/** A plain-text table of an evaluation; the last line is exactly `macro-F1: 0.xx`. */
export function formatEvaluation(e: Evaluation): string {
  const pct = (n: number): string => n.toFixed(2).padStart(9);
  const rows = e.perIntent
    .filter((s) => s.support > 0)
    .map((s) => `${s.intent.padEnd(14)}${pct(s.precision)}${pct(s.recall)}${pct(s.f1)}${String(s.support).padStart(9)}`);
  return [
    `${'intent'.padEnd(14)}${'precision'.padStart(9)}${'recall'.padStart(9)}${'f1'.padStart(9)}${'support'.padStart(9)}`,
    ...rows,
    `accuracy: ${e.accuracy.toFixed(2)}`,
    `macro-F1: ${e.macroF1.toFixed(2)}`,
  ].join('\n');
}
