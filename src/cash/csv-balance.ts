// Opening and closing balances of a CSV export from its running-balance column.

/** The balances a running-balance column proves, or why it proves none. */
export type CsvBalances =
  | { readonly kind: 'ok'; readonly opening: bigint; readonly closing: bigint }
  | { readonly kind: 'none' }
  | { readonly kind: 'inconsistent'; readonly reason: string };

/**
 * Exports list oldest first or newest first. The balance after each row must follow from the
 * one before it by the row's amount, in one order or the other; that order gives the opening
 * balance (before the oldest row) and the closing balance (after the newest). A column with
 * gaps, or one that follows from the amounts in neither order, proves nothing.
 */
export function balancesOf(rows: readonly { readonly draft: { readonly amount: bigint }; readonly balance: bigint | null }[]): CsvBalances {
  if (rows.length === 0 || rows.every((r) => r.balance === null)) return { kind: 'none' };
  const balances = rows.map((r) => r.balance);
  if (balances.some((b) => b === null)) return { kind: 'inconsistent', reason: 'the balance column is empty on some rows' };
  const bal = balances as bigint[];
  const amt = rows.map((r) => r.draft.amount);
  const at = (xs: readonly bigint[], i: number): bigint => xs[i] ?? 0n;
  const last = rows.length - 1;
  const oldestFirst = bal.every((b, i) => i === 0 || b - at(bal, i - 1) === at(amt, i));
  if (oldestFirst) return { kind: 'ok', opening: at(bal, 0) - at(amt, 0), closing: at(bal, last) };
  const newestFirst = bal.every((b, i) => i === last || b - at(bal, i + 1) === at(amt, i));
  if (newestFirst) return { kind: 'ok', opening: at(bal, last) - at(amt, last), closing: at(bal, 0) };
  return { kind: 'inconsistent', reason: 'the running balances do not follow from the amounts in file order or in reverse' };
}
