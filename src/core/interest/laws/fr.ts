import type { LocalDate } from '../../local-date.ts';
import { points } from '../percent.ts';
import type { StatutoryLaw } from './statutory-law.ts';

/**
 * France, Code de commerce art. L441-10 (formerly L441-6): unless the contract says otherwise,
 * the rate of the ECB's most recent refinancing operation, taken as in force on 1 January for the
 * first half-year and on 1 July for the second, plus 10 points; plus the indemnité forfaitaire
 * pour frais de recouvrement of EUR 40 (art. D441-5). Between professionals only; EUR only.
 */
export const frCodeDeCommerce: StatutoryLaw = {
  name: 'fr',
  title: 'Code de commerce L441-10',
  currency: 'EUR',
  table: 'ecbMro',
  refuse: (c) =>
    c.businessToBusiness ? null : 'Code de commerce L441-10 applies between professionals only',
  referenceDate: (halfYear: LocalDate) => halfYear,
  margin: () => points(10),
  fixedCompensationMinor: () => 4000n,
};
