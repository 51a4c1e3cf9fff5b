import { DunwiseError, ErrorCode } from '../core/errors.ts';
import type { CaseRecord } from './cadence-ports.ts';
import type { CaseAdminTx } from './case-admin-ports.ts';

/** The cases a command about an account means: all its currencies, or the one named. */
export async function targetCases(tx: CaseAdminTx, accountRef: string, currency: string | null): Promise<{ accountId: number; cases: CaseRecord[] }> {
  const account = await tx.account(accountRef);
  if (!account) throw new DunwiseError(ErrorCode.notFound, `No account "${accountRef}".`);
  const cases = currency === null ? account.cases : account.cases.filter((c) => c.currency === currency.toUpperCase());
  if (cases.length === 0) {
    throw new DunwiseError(ErrorCode.notFound, `Account "${accountRef}" has no collection case${currency ? ` in ${currency.toUpperCase()}` : ''} (cases start when its invoices are imported).`);
  }
  return { accountId: account.id, cases };
}
