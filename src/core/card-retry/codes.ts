// The decline codes card retries are decided by, as facts from the networks and Stripe.
//
// Sources (facts, read 2026):
// - Visa decline categories and the Excessive Reattempts rule (in force since 2021/2022): a
//   category 1 decline ("issuer will never approve") may not be reattempted at all; categories
//   2-4 allow at most 15 reattempts in 30 days. Category 1 response codes as published by
//   acquirers: 04, 07, 12, 15, 41, 43, 46, 57, R0, R1, R3 (payway.com "Visa Excessive Reattempts
//   Rule & Fees"; developers.getevolved.com "Visa's Processing Integrity Fee Program", which
//   also lists 14; retries.com "Visa Decline Code Categories Explained"). Some acquirers file 14
//   (invalid account number) under category 3; retrying an invalid account number cannot
//   succeed either way, so it is never retried here.
// - Mastercard Merchant Advice Codes (MAC): 01 new account information, 02 try again later,
//   03 do not try again, 21 payment cancellation (cardholder stopped the recurring agreement),
//   24-30 retry after 1 hour, 24 hours, 2, 4, 6, 8, 10 days. Mastercard charges for reattempts
//   after 03 or 21 (Braintree "Merchant Advice Codes"; docs.everonet.com "Mastercard-Merchant
//   Advice Code"; docs.decta.com "After the Payment").
// - Stripe: `outcome.advice_code` is one of confirm_card_data, do_not_try_again,
//   try_again_later; `network_advice_code` and `network_decline_code` carry the network's raw
//   codes (Stripe API reference, Charge.outcome; changelog 2024-12-18.acacia). Decline codes
//   (`decline_code`, `outcome.reason`) as listed in Stripe's "Decline codes" documentation.

/** Visa response codes of category 1: the issuer will never approve; no reattempt is allowed. */
export const visaNeverApprove: ReadonlySet<string> = new Set(['04', '07', '12', '14', '15', '41', '43', '46', '57', 'R0', 'R1', 'R3']);

/** Visa's limit for categories 2-4: at most this many reattempts in any `visaWindowDays` days. */
export const visaMaxReattempts = 15;
export const visaWindowDays = 30;

/** Mastercard advice codes after which the transaction must never be retried. */
export const mastercardNeverRetry: Readonly<Record<string, string>> = {
  '03': 'Mastercard advice 03: do not try again (account closed or fraud)',
  '21': 'Mastercard advice 21: the cardholder cancelled the payment agreement',
};

/** Mastercard advice 01: the card was replaced; retrying the old details cannot succeed. */
export const mastercardNewAccount = '01';

/** Mastercard advice codes that say how long to wait, in whole days (24 = one hour, counted as one day). */
export const mastercardWaitDays: Readonly<Record<string, number>> = { '24': 1, '25': 1, '26': 2, '27': 4, '28': 6, '29': 8, '30': 10 };

/**
 * Stripe decline (and failure) codes after which retrying the same card cannot succeed or is
 * not allowed: the card is gone, wrong, blocked, or the customer must act (new card, details,
 * authentication).
 */
export const hardDeclineCodes: ReadonlySet<string> = new Set([
  'lost_card', 'stolen_card', 'pickup_card', 'fraudulent', 'merchant_blacklist', 'security_violation',
  'invalid_account', 'incorrect_number', 'invalid_number', 'expired_card', 'invalid_expiry_month', 'invalid_expiry_year',
  'incorrect_cvc', 'invalid_cvc', 'incorrect_zip', 'incorrect_pin', 'invalid_pin', 'pin_try_exceeded',
  'offline_pin_required', 'online_or_offline_pin_required', 'authentication_required',
  'restricted_card', 'stop_payment_order', 'revocation_of_authorization', 'revocation_of_all_authorizations',
  'card_not_supported', 'currency_not_supported', 'transaction_not_allowed', 'not_permitted', 'service_not_allowed',
  'do_not_try_again', 'new_account_information_available',
  // Blocked by Stripe's risk rules (outcome.reason): the same card will be blocked again.
  'highest_risk_level', 'elevated_risk_level', 'rule',
]);

/** Stripe decline codes known to be temporary: the issuer may approve later. */
export const softDeclineCodes: ReadonlySet<string> = new Set([
  'insufficient_funds', 'try_again_later', 'processing_error', 'issuer_not_available', 'reenter_transaction',
  'do_not_honor', 'generic_decline', 'card_declined', 'card_velocity_exceeded', 'withdrawal_count_limit_exceeded',
  'call_issuer', 'approve_with_id', 'no_action_taken', 'duplicate_transaction', 'invalid_amount', 'testmode_decline',
]);
