import type { Segment } from '../core/ledger.ts';
import { DunwiseError, ErrorCode } from '../core/errors.ts';
import type { CaseAdminStore } from './case-admin-ports.ts';

/** Sets an account's segment by hand (strategic accounts are named this way), or clears the override with null. */
export async function setSegment(store: CaseAdminStore, input: { accountRef: string; segment: Segment | null; actor: string }): Promise<void> {
  await store.transaction(async (tx) => {
    const account = await tx.account(input.accountRef);
    if (!account) throw new DunwiseError(ErrorCode.notFound, `No account "${input.accountRef}".`);
    const segment = input.segment ?? 'standard';
    await tx.setSegment(account.id, segment, input.segment, input.segment ? 'set by hand' : 'override cleared; `dunwise segments refresh` derives it again');
    await tx.appendAudit([{ actor: input.actor, entity: 'account', entityId: account.ref, action: 'segment_set', detail: { segment: input.segment } }]);
    await tx.markCasesForPlanning(account.cases.map((c) => ({ accountId: account.id, currency: c.currency })));
  });
}
