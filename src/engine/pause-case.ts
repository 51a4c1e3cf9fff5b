import type { LocalDate } from '../core/local-date.ts';
import type { CaseAdminStore } from './case-admin-ports.ts';
import { targetCases } from './case-target.ts';

/** Pauses collection for an account (all currencies, or one) with a reason, until a date or further notice. */
export async function pauseCase(store: CaseAdminStore, input: { accountRef: string; currency: string | null; reason: string; until: LocalDate | null; actor: string }): Promise<number> {
  return store.transaction(async (tx) => {
    const { accountId, cases } = await targetCases(tx, input.accountRef, input.currency);
    for (const c of cases) {
      await tx.setCaseState(c.id, { state: 'paused', reason: input.reason, until: input.until, owner: null });
      await tx.appendAudit([{ actor: input.actor, entity: 'case', entityId: String(c.id), action: 'paused', detail: { account: input.accountRef, currency: c.currency, reason: input.reason, until: input.until } }]);
    }
    await tx.markCasesForPlanning(cases.map((c) => ({ accountId, currency: c.currency })));
    return cases.length;
  });
}
