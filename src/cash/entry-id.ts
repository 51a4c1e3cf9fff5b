// Stable ids for de-duplicating transactions across re-imports of the same (or an overlapping) file.
import { createHash } from 'node:crypto';
import type { Statement, StatementFormat, Transaction } from './statement.ts';

/** A transaction as a parser builds it, before it has an entry id. */
export type DraftTransaction = Omit<Transaction, 'entryId'>;

/** A statement as a parser builds it, before its transactions have entry ids. */
export type DraftStatement = Omit<Statement, 'transactions'> & {
  readonly transactions: readonly DraftTransaction[];
};

const placeholderReferences = new Set(['NONREF', 'NOTPROVIDED', 'NONE', 'N/A']);

/**
 * Gives every transaction an entry id. The bank's own reference wins, since banks repeat it in
 * every later statement that shows the entry ("NONREF" and the like do not count); otherwise a
 * hash of the normalised fields and the position in the statement. A repeated id within one
 * statement (a batch sharing one bank reference) gets a `#n` suffix, so ids stay unique.
 * CSV exports are cut by date range, not by statement, so a line's position changes from one
 * export to the next: there the hash leaves the position out, and two identical lines are told
 * apart by the `#n` suffix alone.
 */
export function withEntryIds(format: StatementFormat, draft: DraftStatement): Statement {
  const seen = new Map<string, number>();
  const transactions = draft.transactions.map((t, position): Transaction => {
    const base = baseId(format, draft.account, t, position);
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    return { ...t, entryId: count === 0 ? base : `${base}#${count + 1}` };
  });
  return { ...draft, transactions };
}

function baseId(
  format: StatementFormat,
  account: string,
  t: DraftTransaction,
  position: number,
): string {
  const family = format.startsWith('camt') ? 'camt' : format === 'mt942' ? 'mt940' : format;
  const bankRef = t.bankReference?.trim() ?? '';
  if (bankRef !== '' && !placeholderReferences.has(bankRef.toUpperCase())) {
    return `${family}:${account}:ref:${bankRef}`;
  }
  const fields = [
    account,
    t.bookingDate,
    t.valueDate,
    t.amount.toString(),
    t.currency,
    t.counterpartyName,
    t.counterpartyAccount,
    t.reference,
    t.remittance,
    t.endToEndId,
    family === 'csv' ? '' : String(position),
  ].map((f) => f ?? '');
  const hash = createHash('sha256').update(fields.join('\u001f')).digest('hex').slice(0, 24);
  return `${family}:${account}:h:${hash}`;
}
