import type { CaseAdminStore } from './case-admin-ports.ts';
import { targetCases } from './case-target.ts';

/** Hands an account's collection to a person: no automatic messages until it is resumed. */
export async function escalateCase(store: CaseAdminStore, input: { accountRef: string; currency: string | null; owner: string; actor: string }): Promise<number> {
  return store.transaction(async (tx) => {
    const { accountId, cases } = await targetCases(tx, input.accountRef, input.currency);
    for (const c of cases) {
      await tx.setCaseState(c.id, { state: 'escalated', reason: null, until: null, owner: input.owner });
      await tx.appendAudit([{ actor: input.actor, entity: 'case', entityId: String(c.id), action: 'escalated', detail: { account: input.accountRef, currency: c.currency, owner: input.owner } }]);
    }
    await tx.markCasesForPlanning(cases.map((c) => ({ accountId, currency: c.currency })));
    return cases.length;
  });
}
