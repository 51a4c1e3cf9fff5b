import type { LocalDate } from '../core/local-date.ts';
import type { CaseAdminStore } from './case-admin-ports.ts';
import { targetCases } from './case-target.ts';

/** Snoozes an account's collection until a date: a promise to pay, an out-of-office, or another reason. */
export async function snoozeCase(store: CaseAdminStore, input: { accountRef: string; currency: string | null; until: LocalDate; reason: 'promise' | 'out_of_office' | 'other'; note: string | null; actor: string }): Promise<number> {
  return store.transaction(async (tx) => {
    const { accountId, cases } = await targetCases(tx, input.accountRef, input.currency);
    for (const c of cases) {
      await tx.setCaseState(c.id, { state: 'snoozed', reason: input.reason, until: input.until, owner: null });
      await tx.appendAudit([{ actor: input.actor, entity: 'case', entityId: String(c.id), action: 'snoozed', detail: { account: input.accountRef, currency: c.currency, reason: input.reason, until: input.until, note: input.note } }]);
    }
    await tx.markCasesForPlanning(cases.map((c) => ({ accountId, currency: c.currency })));
    return cases.length;
  });
}
