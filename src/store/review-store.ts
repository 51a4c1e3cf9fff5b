import type { Kysely } from 'kysely';
import type { Clock } from '../core/clock.ts';
import type { LocalDate } from '../core/local-date.ts';
import type { ReviewItem, ReviewStore } from '../engine/review-touches.ts';
import { toBigInt, toId } from './convert.ts';
import type { Database } from './schema.ts';

/** The review queue on Kysely. */
export function reviewStore(db: Kysely<Database>, clock: Clock): ReviewStore {
  const now = (): string => clock.now().toISOString();
  return {
    async list(filter, statuses) {
      let q = db.selectFrom('touches').innerJoin('cases', 'cases.id', 'touches.case_id').innerJoin('accounts', 'accounts.id', 'cases.account_id')
        .select(['touches.id', 'touches.planned_on', 'touches.step_id', 'touches.tone', 'touches.channels', 'touches.status', 'accounts.ref', 'accounts.name', 'cases.currency'])
        .where('touches.status', 'in', [...statuses]);
      if (filter.ids) q = q.where('touches.id', 'in', filter.ids.length ? [...filter.ids] : [-1]);
      if (filter.step) q = q.where('touches.step_id', '=', filter.step);
      if (filter.account) q = q.where('accounts.ref', '=', filter.account);
      if (filter.tone) q = q.where('touches.tone', '=', filter.tone);
      const rows = await q.orderBy('touches.id').execute();
      if (rows.length === 0) return [];
      const lines = await db.selectFrom('touch_invoices').innerJoin('invoices', 'invoices.id', 'touch_invoices.invoice_id')
        .select(['touch_invoices.touch_id', 'invoices.number', 'invoices.open_minor']).where('touch_invoices.touch_id', 'in', rows.map((r) => r.id)).execute();
      const items = rows.map((r): ReviewItem => {
        const mine = lines.filter((l) => toId(l.touch_id) === toId(r.id));
        return {
          id: toId(r.id), plannedOn: r.planned_on as LocalDate, accountRef: r.ref, accountName: r.name, currency: r.currency, stepId: r.step_id, tone: r.tone,
          channels: r.channels.split(','), invoices: mine.map((l) => l.number), openMinor: mine.reduce((s, l) => s + toBigInt(l.open_minor), 0n), status: r.status,
        };
      });
      return filter.maxOpenMinor === undefined ? items : items.filter((i) => i.openMinor <= (filter.maxOpenMinor as bigint));
    },
    async setStatus(ids, status, reason, by) {
      if (ids.length === 0) return;
      await db.updateTable('touches').set({ status, status_reason: reason, reviewed_by: by, updated_at: now() }).where('id', 'in', [...ids]).execute();
    },
    async setOverride(id, subject, text) {
      await db.updateTable('touches').set({ override_subject: subject, override_text: text, updated_at: now() }).where('id', '=', id).execute();
    },
    async appendAudit(entries) {
      if (entries.length === 0) return;
      const at = now();
      await db.insertInto('audit_log').values(entries.map((e) => ({ at, actor: e.actor, entity: e.entity, entity_id: e.entityId, action: e.action, detail: JSON.stringify(e.detail) }))).execute();
    },
  };
}
