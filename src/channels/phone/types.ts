// Phone touches: a person (or an AI voice service) calls, then logs what happened.
import type { LocalDate } from '../../core/local-date.ts';
import type { Money } from '../../core/money.ts';
import type { ReminderContent } from '../../templates/types.ts';
import type { SendResult } from '../delivery.ts';

/** What a call achieved; the engine acts on it (snooze to a promise, pause on a dispute, ...). */
export type CallOutcome =
  /** Spoke to the customer; no promise or dispute came of it. */
  | { readonly kind: 'reached'; readonly note: string | null }
  | { readonly kind: 'voicemail' }
  /** The number does not belong to this customer: a data-quality task. */
  | { readonly kind: 'wrong_number' }
  /** A promise to pay by a date, for all that is owed unless an amount is given. */
  | { readonly kind: 'promise'; readonly date: LocalDate; readonly amount?: Money }
  | { readonly kind: 'dispute'; readonly reason: string };

/** A call for an AI voice service to place. */
export type AiVoiceCall = {
  /** E.164. */
  readonly to: string;
  /** BCP 47 language to speak. */
  readonly language: string;
  /** What to say and ask (see callScript). */
  readonly script: string;
  readonly content: ReminderContent;
  /** The touch's key: a provider must not place two calls for one key. */
  readonly idempotencyKey: string;
};

/**
 * The hook for an AI voice provider (no implementation ships). placeCall answers `sent` with
 * the provider's call id once the call is queued; the outcome arrives later through the
 * provider's webhook, which outcomeOf turns into a CallOutcome (null for events to ignore).
 */
export type AiVoiceProvider = {
  readonly id: string;
  readonly placeCall: (call: AiVoiceCall) => Promise<SendResult>;
  readonly outcomeOf: (
    event: unknown,
  ) => { readonly callId: string; readonly outcome: CallOutcome } | null;
};
