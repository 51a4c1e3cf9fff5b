import { DunwiseError, ErrorCode } from '../core/errors.ts';
import type { LocalDate } from '../core/local-date.ts';
import type { AuditEntry } from './ports.ts';

/** A touch waiting in the review queue, as a reviewer sees it. */
export type ReviewItem = {
  readonly id: number;
  readonly plannedOn: LocalDate;
  readonly accountRef: string;
  readonly accountName: string;
  readonly currency: string;
  readonly stepId: string;
  readonly tone: string;
  readonly channels: readonly string[];
  readonly invoices: readonly string[];
  readonly openMinor: bigint;
  readonly status: string;
};

/** Which queued touches a bulk action means. */
export type ReviewFilter = { readonly ids?: readonly number[]; readonly step?: string; readonly account?: string; readonly tone?: string; readonly maxOpenMinor?: bigint };

export interface ReviewStore {
  list(filter: ReviewFilter, statuses: readonly string[]): Promise<ReviewItem[]>;
  setStatus(ids: readonly number[], status: 'approved' | 'rejected', reason: string | null, by: string): Promise<void>;
  setOverride(id: number, subject: string | null, text: string | null): Promise<void>;
  appendAudit(entries: readonly AuditEntry[]): Promise<void>;
}

/** Approves the queued touches the filter names (all of them in bulk); returns how many. */
export async function approveTouches(store: ReviewStore, filter: ReviewFilter, actor: string): Promise<number> {
  const items = await store.list(filter, ['pending_review']);
  if (filter.ids && items.length !== filter.ids.length) {
    const found = new Set(items.map((i) => i.id));
    throw new DunwiseError(ErrorCode.notFound, `not in the review queue: ${filter.ids.filter((i) => !found.has(i)).join(', ')}`);
  }
  await store.setStatus(items.map((i) => i.id), 'approved', null, actor);
  await store.appendAudit(items.map((i) => ({ actor, entity: 'touch', entityId: String(i.id), action: 'approved', detail: { step: i.stepId, account: i.accountRef } })));
  return items.length;
}

/** Rejects queued touches with a reason: they are never sent, and the reason stays visible. */
export async function rejectTouches(store: ReviewStore, filter: ReviewFilter, reason: string, actor: string): Promise<number> {
  const items = await store.list(filter, ['pending_review', 'approved']);
  await store.setStatus(items.map((i) => i.id), 'rejected', reason, actor);
  await store.appendAudit(items.map((i) => ({ actor, entity: 'touch', entityId: String(i.id), action: 'rejected', detail: { reason } })));
  return items.length;
}

/** Replaces the subject and/or text of a queued touch's email before it is approved. */
export async function editTouch(store: ReviewStore, id: number, subject: string | null, text: string | null, actor: string): Promise<void> {
  const [item] = await store.list({ ids: [id] }, ['pending_review']);
  if (!item) throw new DunwiseError(ErrorCode.notFound, `touch ${id} is not in the review queue`);
  await store.setOverride(id, subject, text);
  await store.appendAudit([{ actor, entity: 'touch', entityId: String(id), action: 'edited', detail: { subject, text } }]);
}
