import { asCurrency } from '../currency.ts';
import { maxMinor } from '../money.ts';
import { contractualInterest } from './laws/contractual.ts';
import { deBgb288 } from './laws/de.ts';
import { euDirective } from './laws/eu.ts';
import { frCodeDeCommerce } from './laws/fr.ts';
import type { StatutoryLaw } from './laws/statutory-law.ts';
import { ukLatePaymentAct } from './laws/uk.ts';
import { parsePercent } from './percent.ts';
import { statutoryInterest } from './statutory.ts';
import type { InterestInput, InterestResult } from './types.ts';

const statutoryLaws: Readonly<Record<'eu' | 'uk' | 'de' | 'fr', StatutoryLaw>> = {
  eu: euDirective,
  uk: ukLatePaymentAct,
  de: deBgb288,
  fr: frCodeDeCommerce,
};

/**
 * Late-payment interest and fixed compensation for one unpaid principal, computed exactly.
 *
 * Interest accrues from the day after `dueDate` up to and including `until` (simple interest,
 * never compounded). Each period's interest is computed as an exact bigint fraction,
 * principal x rate x days / (100 x year basis), and rounded once per period, half-up to the
 * currency's minor unit; the total is the sum of the rounded periods, so a printed breakdown
 * always adds up. Statutory rates come from `tables`; a half-year whose reference rate lies
 * beyond a table's knownUntil (or in a gap) yields `rate_unknown`, never the last known rate.
 * Refusals (wrong currency for the law, consumer debt under a B2B-only law, bad input) are
 * `error` values; nothing throws for ordinary input.
 */
export function calculateInterest(input: InterestInput): InterestResult {
  const { principalMinor, currency, dueDate, until } = input;
  if (principalMinor <= 0n) return refuse('the principal must be greater than zero');
  if (principalMinor > maxMinor) {
    return refuse('the principal is beyond the largest amount Dunwise accepts');
  }
  if (asCurrency(currency) !== currency) {
    return refuse(`"${currency}" is not an ISO 4217 currency code`);
  }
  const dayCount = input.dayCount ?? 'act/365';
  const businessToBusiness = input.businessToBusiness ?? true;
  const result =
    input.law === 'contractual' ? contractual(input) : statutory(input, statutoryLaws[input.law]);
  if (result.kind === 'ok' && result.interestMinor > maxMinor) {
    return refuse('the interest is beyond the largest amount Dunwise accepts');
  }
  return result;

  function statutory(i: InterestInput, law: StatutoryLaw): InterestResult {
    if (i.contractualRatePercent !== undefined || i.contractualFixedFeeMinor !== undefined) {
      return refuse(
        `a contractual rate or fee was given with law '${law.name}'; use law 'contractual'`,
      );
    }
    if (currency !== law.currency) {
      return refuse(`${law.title} is computed for ${law.currency} debts only, not ${currency}`);
    }
    const claim = { principalMinor, currency, dueDate, until, dayCount, businessToBusiness };
    const refusal = law.refuse(claim);
    if (refusal !== null) return refuse(refusal);
    const table = i.tables?.[law.table];
    if (table === undefined) return refuse(`${law.title} needs the '${law.table}' rate table`);
    return statutoryInterest(law, claim, table);
  }

  function contractual(i: InterestInput): InterestResult {
    const { contractualRatePercent: rateText, contractualFixedFeeMinor: fixedFeeMinor = 0n } = i;
    if (rateText === undefined && i.contractualFixedFeeMinor === undefined) {
      return refuse(
        "law 'contractual' needs contractualRatePercent, contractualFixedFeeMinor or both",
      );
    }
    const rate = rateText === undefined ? null : parsePercent(rateText);
    if (rateText !== undefined && rate === null) {
      return refuse(
        `contractualRatePercent "${rateText}" is not a plain decimal such as "8" or "1.5"`,
      );
    }
    if (rate !== null && rate.units < 0n) {
      return refuse('contractualRatePercent must not be negative');
    }
    if (fixedFeeMinor < 0n || fixedFeeMinor > maxMinor) {
      return refuse('contractualFixedFeeMinor is out of range');
    }
    return contractualInterest({
      principalMinor,
      currency,
      dueDate,
      until,
      dayCount,
      rate,
      fixedFeeMinor,
    });
  }
}

function refuse(reason: string): InterestResult {
  return { kind: 'error', reason };
}
