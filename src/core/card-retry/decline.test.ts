// Table-driven: which declines are never retried, which are, and by which rule.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { classifyDecline, type DeclineInfo } from './decline.ts';

const none: DeclineInfo = { failureCode: null, failureMessage: null, declineCode: null, networkDeclineCode: null, adviceCode: null, networkAdviceCode: null, cardBrand: null };
const d = (over: Partial<DeclineInfo>): DeclineInfo => ({ ...none, ...over });

const rows: { name: string; decline: DeclineInfo; category: 'hard' | 'soft'; rule: string; code?: string | null; waitDays?: number }[] = [
  { name: 'lost card', decline: d({ failureCode: 'card_declined', declineCode: 'lost_card' }), category: 'hard', rule: 'hard_decline_code', code: 'lost_card' },
  { name: 'stolen card', decline: d({ declineCode: 'stolen_card' }), category: 'hard', rule: 'hard_decline_code' },
  { name: 'pick up card', decline: d({ declineCode: 'pickup_card' }), category: 'hard', rule: 'hard_decline_code' },
  { name: 'invalid account', decline: d({ declineCode: 'invalid_account' }), category: 'hard', rule: 'hard_decline_code' },
  { name: 'expired card as the failure code only', decline: d({ failureCode: 'expired_card' }), category: 'hard', rule: 'hard_decline_code', code: 'expired_card' },
  { name: 'blocked by risk rules', decline: d({ failureCode: 'card_declined', declineCode: 'highest_risk_level' }), category: 'hard', rule: 'hard_decline_code' },
  { name: 'do_not_honor alone is soft (generic)', decline: d({ declineCode: 'do_not_honor' }), category: 'soft', rule: 'soft_decline_code', code: 'do_not_honor' },
  { name: 'do_not_honor with "do not try again" advice', decline: d({ declineCode: 'do_not_honor', adviceCode: 'do_not_try_again' }), category: 'hard', rule: 'advice_do_not_try_again' },
  { name: 'confirm_card_data advice', decline: d({ declineCode: 'generic_decline', adviceCode: 'confirm_card_data' }), category: 'hard', rule: 'advice_confirm_card_data' },
  { name: 'Mastercard advice 03 over a soft code', decline: d({ declineCode: 'insufficient_funds', networkAdviceCode: '03', cardBrand: 'mastercard' }), category: 'hard', rule: 'mastercard_never_retry', code: '03' },
  { name: 'Mastercard advice 21 (payment cancelled)', decline: d({ declineCode: 'do_not_honor', networkAdviceCode: '21', cardBrand: 'mastercard' }), category: 'hard', rule: 'mastercard_never_retry', code: '21' },
  { name: 'advice 03 with no brand: the stricter reading', decline: d({ declineCode: 'insufficient_funds', networkAdviceCode: '03' }), category: 'hard', rule: 'mastercard_never_retry' },
  { name: 'Mastercard advice 01 (new account information)', decline: d({ declineCode: 'generic_decline', networkAdviceCode: '01', cardBrand: 'mastercard' }), category: 'hard', rule: 'mastercard_new_account' },
  { name: 'Mastercard advice 27: retry after 4 days', decline: d({ declineCode: 'insufficient_funds', networkAdviceCode: '27', cardBrand: 'mastercard' }), category: 'soft', rule: 'mastercard_retry_after', waitDays: 4 },
  { name: 'Mastercard advice 30: retry after 10 days', decline: d({ networkAdviceCode: '30', cardBrand: 'mastercard' }), category: 'soft', rule: 'mastercard_retry_after', waitDays: 10 },
  { name: 'Visa 05 (do not honor) is category 4: soft', decline: d({ declineCode: 'do_not_honor', networkDeclineCode: '05', cardBrand: 'visa' }), category: 'soft', rule: 'soft_decline_code' },
  { name: 'Visa 51 (insufficient funds) is category 2: soft', decline: d({ declineCode: 'insufficient_funds', networkDeclineCode: '51', cardBrand: 'visa' }), category: 'soft', rule: 'soft_decline_code' },
  { name: 'Visa 46 (closed account) is category 1 even with a soft Stripe code', decline: d({ declineCode: 'generic_decline', networkDeclineCode: '46', cardBrand: 'visa' }), category: 'hard', rule: 'visa_category_1', code: '46' },
  { name: 'Visa R1 (revocation of authorisation)', decline: d({ networkDeclineCode: 'r1', cardBrand: 'visa' }), category: 'hard', rule: 'visa_category_1', code: 'R1' },
  { name: 'Visa category 1 via the advice field', decline: d({ declineCode: 'generic_decline', networkAdviceCode: '1', cardBrand: 'visa' }), category: 'hard', rule: 'visa_category_1' },
  { name: 'a Visa code on a Mastercard card is not Visa category 1', decline: d({ declineCode: 'generic_decline', networkDeclineCode: '57', cardBrand: 'mastercard' }), category: 'soft', rule: 'soft_decline_code' },
  { name: 'Mastercard advice codes do not bind a Visa card', decline: d({ declineCode: 'insufficient_funds', networkAdviceCode: '03', cardBrand: 'visa' }), category: 'soft', rule: 'soft_decline_code' },
  { name: 'insufficient funds', decline: d({ failureCode: 'card_declined', declineCode: 'insufficient_funds' }), category: 'soft', rule: 'soft_decline_code', code: 'insufficient_funds' },
  { name: 'try again later (advice)', decline: d({ adviceCode: 'try_again_later' }), category: 'soft', rule: 'advice_try_again_later' },
  { name: 'processing error', decline: d({ failureCode: 'processing_error' }), category: 'soft', rule: 'soft_decline_code' },
  { name: 'an unknown code: soft within the caps', decline: d({ declineCode: 'something_new' }), category: 'soft', rule: 'unlisted_code', code: 'something_new' },
  { name: 'no detail at all (invoice.payment_failed)', decline: none, category: 'soft', rule: 'no_detail', code: null },
];

for (const row of rows) {
  test(`decline: ${row.name}`, () => {
    const c = classifyDecline(row.decline);
    assert.equal(c.category, row.category);
    assert.equal(c.rule, row.rule);
    if (row.code !== undefined) assert.equal(c.code, row.code);
    assert.equal(c.waitDays, row.waitDays ?? 1);
    assert.ok(c.text.length > 10, 'every classification explains itself');
  });
}
