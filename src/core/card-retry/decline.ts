// Classifying a card decline as hard (never retried) or soft (retried on the schedule).
import { hardDeclineCodes, mastercardNeverRetry, mastercardNewAccount, mastercardWaitDays, softDeclineCodes, visaNeverApprove } from './codes.ts';

/** What a processor tells about a declined card payment (Stripe's fields; any may be missing). */
export type DeclineInfo = {
  readonly failureCode: string | null;
  readonly failureMessage: string | null;
  readonly declineCode: string | null;
  readonly networkDeclineCode: string | null;
  readonly adviceCode: string | null;
  readonly networkAdviceCode: string | null;
  /** visa, mastercard, amex, ... as the processor names the brand; null when not told. */
  readonly cardBrand: string | null;
};

/** The rule that decided a classification: stored with each attempt and shown in `cards`. */
export const DeclineRule = {
  mastercardNeverRetry: 'mastercard_never_retry',
  mastercardNewAccount: 'mastercard_new_account',
  visaCategory1: 'visa_category_1',
  adviceDoNotRetry: 'advice_do_not_try_again',
  adviceConfirmCardData: 'advice_confirm_card_data',
  hardCode: 'hard_decline_code',
  mastercardWait: 'mastercard_retry_after',
  adviceTryLater: 'advice_try_again_later',
  softCode: 'soft_decline_code',
  unlistedCode: 'unlisted_code',
  noDetail: 'no_detail',
} as const;
export type DeclineRule = (typeof DeclineRule)[keyof typeof DeclineRule];

/** A decline, classified. */
export type DeclineClass = {
  readonly category: 'hard' | 'soft';
  readonly rule: DeclineRule;
  /** The code the rule read (e.g. "lost_card", "03"); null for no_detail. */
  readonly code: string | null;
  /** Whole days to wait after this attempt before the next (network advice), at least 1. */
  readonly waitDays: number;
  /** Plain words for a finance person. */
  readonly text: string;
};

const hard = (rule: DeclineRule, code: string, text: string): DeclineClass => ({ category: 'hard', rule, code, waitDays: 1, text });
const soft = (rule: DeclineRule, code: string | null, text: string, waitDays = 1): DeclineClass => ({ category: 'soft', rule, code, waitDays, text });

/**
 * Classifies one decline. Network rules come first (a Mastercard "never retry" advice, a Visa
 * category 1 response code), then Stripe's advice, then the decline and failure codes. When
 * the brand is unknown, both networks' rules apply: the stricter reading wins. A decline with
 * no detail at all (invoice.payment_failed carries none) is soft: retried within the caps.
 */
export function classifyDecline(d: DeclineInfo): DeclineClass {
  const brand = d.cardBrand?.toLowerCase() ?? null;
  const maybeMastercard = brand === null || brand === 'mastercard';
  const maybeVisa = brand === null || brand === 'visa';
  const advice = d.networkAdviceCode?.trim() ?? null;
  const network = d.networkDeclineCode?.trim().toUpperCase() ?? null;
  const codes = [d.declineCode, d.failureCode].filter((c): c is string => c !== null && c !== '').map((c) => c.toLowerCase());

  if (advice !== null && maybeMastercard) {
    const never = mastercardNeverRetry[advice];
    if (never !== undefined) return hard(DeclineRule.mastercardNeverRetry, advice, never);
    if (advice === mastercardNewAccount) return hard(DeclineRule.mastercardNewAccount, advice, 'Mastercard advice 01: new card details exist; the old ones will not be approved');
  }
  if (maybeVisa && ((network !== null && visaNeverApprove.has(network)) || advice === '1')) {
    const code = network !== null && visaNeverApprove.has(network) ? network : '1';
    return hard(DeclineRule.visaCategory1, code, `Visa category 1 (${code}): the issuer will never approve this card`);
  }
  const adviceCode = d.adviceCode?.toLowerCase() ?? null;
  if (adviceCode === 'do_not_try_again') return hard(DeclineRule.adviceDoNotRetry, adviceCode, 'the processor advises never to try this card again');
  if (adviceCode === 'confirm_card_data') return hard(DeclineRule.adviceConfirmCardData, adviceCode, 'the customer must confirm or correct the card details first');
  const hardCode = codes.find((c) => hardDeclineCodes.has(c));
  if (hardCode !== undefined) return hard(DeclineRule.hardCode, hardCode, `declined "${hardCode}": retrying the same card cannot succeed`);

  if (advice !== null && maybeMastercard) {
    const wait = mastercardWaitDays[advice];
    if (wait !== undefined) return soft(DeclineRule.mastercardWait, advice, `Mastercard advice ${advice}: retry after ${wait} day${wait === 1 ? '' : 's'}`, wait);
  }
  const softCode = codes.find((c) => softDeclineCodes.has(c) && c !== 'card_declined');
  if (softCode !== undefined) return soft(DeclineRule.softCode, softCode, `declined "${softCode}": temporary, the issuer may approve later`);
  if (adviceCode === 'try_again_later') return soft(DeclineRule.adviceTryLater, adviceCode, 'the processor advises trying again later');
  if (codes.includes('card_declined')) return soft(DeclineRule.softCode, 'card_declined', 'declined without a reason ("card_declined"): retried within the network caps');
  const other = codes[0] ?? network;
  if (other !== undefined && other !== null) return soft(DeclineRule.unlistedCode, other, `declined "${other}": not a known permanent decline, retried within the network caps`);
  return soft(DeclineRule.noDetail, null, 'no decline reason was given: retried within the network caps');
}
