import type { LocalDate } from '../../local-date.ts';
import { points } from '../percent.ts';
import type { StatutoryLaw } from './statutory-law.ts';

/**
 * Directive 2011/7/EU, the EU-wide minimum (Art. 2(6)-(7), Art. 3(2), Art. 6): the ECB main
 * refinancing rate in force on 1 January (for January-June) or 1 July (for July-December),
 * plus 8 points, fixed for the half-year; EUR 40 once the debt is late. Commercial transactions
 * only. Computed for EUR debts only: for a non-euro Member State the reference rate is the
 * national central bank's and the EUR 40 must be converted, neither of which core knows, so other
 * currencies are refused rather than guessed. Member States may legislate more (see 'de', 'fr').
 */
export const euDirective: StatutoryLaw = {
  name: 'eu',
  title: 'Directive 2011/7/EU',
  currency: 'EUR',
  table: 'ecbMro',
  refuse: (c) =>
    c.businessToBusiness
      ? null
      : 'Directive 2011/7/EU covers commercial transactions only; a consumer debt has no statutory rate here',
  referenceDate: (halfYear: LocalDate) => halfYear,
  margin: () => points(8),
  fixedCompensationMinor: () => 4000n,
};
