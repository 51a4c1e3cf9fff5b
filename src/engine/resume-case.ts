import type { CaseAdminStore } from './case-admin-ports.ts';
import { targetCases } from './case-target.ts';

/** Makes paused, snoozed or escalated cases active again; the next run plans them. */
export async function resumeCase(store: CaseAdminStore, input: { accountRef: string; currency: string | null; actor: string }): Promise<number> {
  return store.transaction(async (tx) => {
    const { accountId, cases } = await targetCases(tx, input.accountRef, input.currency);
    for (const c of cases) {
      await tx.setCaseState(c.id, { state: 'active', reason: null, until: null, owner: null });
      await tx.appendAudit([{ actor: input.actor, entity: 'case', entityId: String(c.id), action: 'resumed', detail: { account: input.accountRef, currency: c.currency, was: c.state.kind } }]);
    }
    await tx.markCasesForPlanning(cases.map((c) => ({ accountId, currency: c.currency })));
    return cases.length;
  });
}
