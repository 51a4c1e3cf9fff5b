import { compareDates, type LocalDate } from '../../local-date.ts';
import { points } from '../percent.ts';
import type { LawCase, StatutoryLaw } from './statutory-law.ts';

// Art. 229 § 34 EGBGB: +9 points and the EUR 40 Pauschale apply to obligations arising after
// 28 July 2014. A debt due before 29 July 2014 certainly arose before it, so it keeps the old
// +8 and no Pauschale; a later due date is taken to be a newer obligation (the contract date
// is not known here).
const reformDay = '2014-07-29' as LocalDate;

function newLaw(c: LawCase): boolean {
  return compareDates(c.dueDate, reformDay) >= 0;
}

/**
 * Germany, § 288 BGB with § 247 BGB: the Basiszinssatz of each half-year (it changes on
 * 1 January and 1 July, so a period crossing those days is split) plus 9 points when no
 * consumer is party (§ 288 (2)) or 5 points otherwise (§ 288 (1)); the EUR 40 Pauschale
 * (§ 288 (5)) for business debtors only. EUR only.
 */
export const deBgb288: StatutoryLaw = {
  name: 'de',
  title: '§ 288 BGB',
  currency: 'EUR',
  table: 'deBasiszinssatz',
  refuse: () => null,
  referenceDate: (halfYear: LocalDate) => halfYear,
  margin: (c) => points(c.businessToBusiness ? (newLaw(c) ? 9 : 8) : 5),
  fixedCompensationMinor: (c) => (c.businessToBusiness && newLaw(c) ? 4000n : 0n),
};
