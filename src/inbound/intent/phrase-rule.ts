// A weighted phrase pattern: the unit of evidence for intent classification.
import type { Intent } from './types.ts';

/** One pattern; `negatable` patterns count against their intent when a negation precedes them. */
export type PhraseRule = {
  readonly intent: Intent;
  readonly weight: number;
  readonly re: RegExp;
  readonly label: string;
  readonly negatable: boolean;
};

/**
 * Builds a rule. `source` is matched case-insensitively with letter boundaries on both ends
 * (JavaScript's \b ignores accented letters, so "payé" needs its own boundary).
 */
export function rule(intent: Intent, weight: number, source: string, negatable = false): PhraseRule {
  return {
    intent,
    weight,
    re: new RegExp(`(?<!\\p{L})(?:${source})(?!\\p{L})`, 'giu'),
    label: source.length > 40 ? `${source.slice(0, 40)}…` : source,
    negatable,
  };
}
