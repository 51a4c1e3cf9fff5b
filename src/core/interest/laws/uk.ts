import { addDays, compareDates, type LocalDate } from '../../local-date.ts';
import { points } from '../percent.ts';
import type { StatutoryLaw } from './statutory-law.ts';

// The reference-rate regime and the fixed sums (s.5A) start with the Late Payment of Commercial
// Debts Regulations 2002 (SI 2002/1674), in force 7 August 2002; earlier contracts used Bank
// Rate on the day the debt became overdue and had no fixed sum, which is not modelled.
const regulations2002 = '2002-08-07' as LocalDate;

/**
 * UK, Late Payment of Commercial Debts (Interest) Act 1998 with the Late Payment of Commercial
 * Debts (Rate of Interest) (No. 3) Order 2002: Bank of England Bank Rate in force on 31 December
 * (for 1 January-30 June) or 30 June (for 1 July-31 December), plus 8 %; fixed sum (s.5A) of
 * GBP 40 for debts under GBP 1,000, GBP 70 up to GBP 9,999.99 and GBP 100 from GBP 10,000.
 * Business-to-business only; GBP only (the fixed sums and bands are stated in sterling).
 */
export const ukLatePaymentAct: StatutoryLaw = {
  name: 'uk',
  title: 'Late Payment of Commercial Debts (Interest) Act 1998',
  currency: 'GBP',
  table: 'boeBankRate',
  refuse: (c) => {
    if (!c.businessToBusiness)
      return 'the Late Payment Act covers contracts between businesses only';
    if (compareDates(c.dueDate, regulations2002) < 0) {
      return 'debts due before 7 August 2002 fall under the original 1998 rate rules, which Dunwise does not compute';
    }
    return null;
  },
  referenceDate: (halfYear: LocalDate) => addDays(halfYear, -1),
  margin: () => points(8),
  fixedCompensationMinor: (c) =>
    c.principalMinor < 100_000n ? 4000n : c.principalMinor < 1_000_000n ? 7000n : 10_000n,
};
