import type { CurrencyCode } from '../core/currency.ts';
import { calculateInterest, shippedRateTables, type InterestLaw } from '../core/interest/index.ts';
import type { LocalDate } from '../core/local-date.ts';
import type { TouchDelivery } from '../engine/dispatch-ports.ts';
import type { ReminderInterest } from '../templates/index.ts';

const euCountries = new Set(['AT', 'BE', 'BG', 'CY', 'CZ', 'DK', 'EE', 'ES', 'FI', 'GR', 'HR', 'HU', 'IE', 'IT', 'LT', 'LU', 'LV', 'MT', 'NL', 'PL', 'PT', 'RO', 'SE', 'SI', 'SK']);

/** Which late-payment law a B2B claim against a customer in `country` in `currency` uses, if any. */
export function lawFor(country: string, currency: string): { law: InterestLaw; label: string } | null {
  if (country === 'DE' && currency === 'EUR') return { law: 'de', label: '§ 288 BGB' };
  if (country === 'FR' && currency === 'EUR') return { law: 'fr', label: 'art. L441-10 Code de commerce' };
  if (country === 'GB' && currency === 'GBP') return { law: 'uk', label: 'Late Payment of Commercial Debts (Interest) Act 1998' };
  if (euCountries.has(country) && currency === 'EUR') return { law: 'eu', label: 'Directive 2011/7/EU' };
  return null;
}

/**
 * Statutory interest and fixed compensation on the touch's invoices up to today, for formal and
 * final steps. Null when no law applies or a rate is not known for the period: the message then
 * claims none rather than a guessed amount.
 */
export function interestFor(touch: TouchDelivery, currency: CurrencyCode, today: LocalDate): ReminderInterest | null {
  const law = lawFor(touch.account.country, currency);
  if (!law) return null;
  let interest = 0n;
  let compensation = 0n;
  let rate = '';
  for (const i of touch.invoices) {
    const r = calculateInterest({ law: law.law, principalMinor: i.openMinor, currency, dueDate: i.dueDate, until: today, tables: shippedRateTables });
    if (r.kind !== 'ok') return null;
    interest += r.interestMinor;
    compensation += r.fixedCompensationMinor;
    rate = r.ratePercent;
  }
  return interest === 0n && compensation === 0n ? null : { lawLabel: law.label, interestMinor: interest, fixedCompensationMinor: compensation, ratePercent: rate, until: today };
}
