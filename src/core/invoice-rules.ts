import type { InvoiceRecord } from './ledger.ts';
import { maxMinor } from './money.ts';

/** A field-level complaint about a record, before it reaches the ledger. */
export type RecordProblem = { readonly field: string; readonly reason: string };

/**
 * Checks the rules every imported invoice or credit note must meet, whatever its format:
 * non-empty number and customer, amounts in range and not negative (a credit note carries
 * a positive credited amount), open not above total, due date not before the issue date.
 */
export function checkInvoiceRecord(r: InvoiceRecord): RecordProblem[] {
  const problems: RecordProblem[] = [];
  if (r.number.trim() === '') problems.push({ field: 'number', reason: 'the invoice number is empty' });
  if (r.accountRef.trim() === '') problems.push({ field: 'accountRef', reason: 'the customer is empty' });
  checkAmount(problems, 'total', r.totalMinor);
  checkAmount(problems, 'open', r.openMinor);
  if (r.openMinor > r.totalMinor && r.totalMinor >= 0n) {
    problems.push({ field: 'open', reason: 'the open amount is larger than the invoice total' });
  }
  if (r.dueDate !== null && r.dueDate < r.issueDate) {
    problems.push({ field: 'dueDate', reason: `due date ${r.dueDate} is before issue date ${r.issueDate}` });
  }
  let instalmentSum = 0n;
  for (const i of r.instalments) {
    if (i.dueDate < r.issueDate) problems.push({ field: 'instalments', reason: `instalment due ${i.dueDate} is before issue date ${r.issueDate}` });
    instalmentSum += i.amountMinor;
  }
  if (r.instalments.length > 0 && instalmentSum !== r.totalMinor) {
    problems.push({ field: 'instalments', reason: 'the instalments do not add up to the total' });
  }
  return problems;
}

function checkAmount(problems: RecordProblem[], field: 'total' | 'open', value: bigint): void {
  if (value < 0n) problems.push({ field, reason: `${field} amount is negative` });
  if (value > maxMinor) problems.push({ field, reason: `${field} amount is beyond the largest amount accepted` });
}

/** The date the ledger ages an invoice by: its due date, or its issue date when it has none. */
export function effectiveDueDate(r: InvoiceRecord): string {
  return r.dueDate ?? r.issueDate;
}
