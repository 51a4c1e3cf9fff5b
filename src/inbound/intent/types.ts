// The vocabulary of reply intents and what classifyIntent returns.
import type { LocalDate } from '../../core/local-date.ts';
import type { ReplyLanguage } from './language.ts';

/** What a customer's reply asks of us; each intent maps to one action in the engine. */
export const Intent = {
  paid: 'paid',
  promise: 'promise',
  dispute: 'dispute',
  copyRequest: 'copy_request',
  wrongContact: 'wrong_contact',
  outOfOffice: 'out_of_office',
  planRequest: 'plan_request',
  stop: 'stop',
  question: 'question',
  other: 'other',
} as const;
export type Intent = (typeof Intent)[keyof typeof Intent];

/** All intents, in the order reports list them. */
export const intents: readonly Intent[] = Object.values(Intent);

/** Why a customer disputes an invoice. */
export type DisputeReason = 'price' | 'quantity_or_delivery' | 'quality' | 'not_ordered' | 'duplicate' | 'other';

/** Facts read from a reply; only those found are present. */
export type IntentFacts = {
  promiseDate?: LocalDate;
  amount?: string;
  returnDate?: LocalDate;
  newContactEmail?: string;
  paidDate?: LocalDate;
  reference?: string;
  disputeReason?: DisputeReason;
};

/** The decided intent with its confidence (0..1), the evidence behind it and the facts found. */
export type IntentResult = {
  readonly intent: Intent;
  readonly confidence: number;
  readonly evidence: readonly string[];
  readonly facts: IntentFacts;
  readonly lang: ReplyLanguage;
  /** Score per intent that had any evidence, for explain output. */
  readonly scores: Partial<Record<Intent, number>>;
};

/** Below this confidence a person should review the reply before the engine acts on it. */
export const REVIEW_THRESHOLD = 0.5;
