import type { Kysely } from 'kysely';
import type { Segment } from '../core/ledger.ts';
import type { LocalDate } from '../core/local-date.ts';
import type { Channel, Tone } from '../core/policy/types.ts';
import type { CardOfTouch, DispatchStore } from '../engine/dispatch-ports.ts';
import { toCaseRecord } from './cadence-reads.ts';
import { toBigInt, toId } from './convert.ts';
import type { StoreDialect } from './dialect.ts';
import type { Database } from './schema.ts';

/** The dispatcher's store port on Kysely. */
export function dispatchStore(db: Kysely<Database>, dialect: StoreDialect): DispatchStore {
  return {
    claim: (today, nowIso, limit) =>
      db.transaction().execute(async (trx) => {
        let q = trx.selectFrom('touches').select('id').where('status', '=', 'approved').where('planned_on', '<=', today)
          .where((eb) => eb.or([eb('next_attempt_at', 'is', null), eb('next_attempt_at', '<=', nowIso)])).orderBy('id').limit(limit);
        if (dialect === 'postgres') q = q.forUpdate().skipLocked();
        const ids = (await q.execute()).map((r) => toId(r.id));
        if (ids.length > 0) await trx.updateTable('touches').set({ status: 'sending', sending_started_at: nowIso, updated_at: nowIso }).where('id', 'in', ids).execute();
        return ids;
      }),
    async interrupted(beforeIso) {
      const rows = await db.selectFrom('touches').select('id').where('status', '=', 'sending').where('sending_started_at', '<', beforeIso).execute();
      return rows.map((r) => toId(r.id));
    },
    async snapshot(touchId) {
      const t = await db.selectFrom('touches').selectAll().where('id', '=', touchId).executeTakeFirstOrThrow();
      const c = await db.selectFrom('cases').selectAll().where('id', '=', t.case_id).executeTakeFirstOrThrow();
      const record = toCaseRecord(c);
      const [account, contact, invoices, priors, delivered] = await Promise.all([
        db.selectFrom('accounts').selectAll().where('id', '=', c.account_id).executeTakeFirstOrThrow(),
        // The first contact whose address has no open issue (hard bounce, opt-out, complaint).
        db.selectFrom('contacts').selectAll().where('account_id', '=', c.account_id)
          .where(({ not, exists, selectFrom }) => not(exists(selectFrom('contact_issues').select('contact_issues.id').whereRef('contact_issues.email', '=', 'contacts.email').where('contact_issues.resolved_at', 'is', null))))
          .orderBy('id').executeTakeFirst(),
        db.selectFrom('touch_invoices').innerJoin('invoices', 'invoices.id', 'touch_invoices.invoice_id')
          .select(['invoices.id', 'invoices.number', 'invoices.issue_date', 'invoices.due_date', 'invoices.total_minor', 'invoices.open_minor', 'invoices.currency', 'invoices.status'])
          .where('touch_invoices.touch_id', '=', touchId).orderBy('invoices.due_date').execute(),
        db.selectFrom('touches').select(['planned_on', 'step_id', 'channels']).where('case_id', '=', t.case_id).where('status', '=', 'sent').where('id', '!=', touchId).orderBy('planned_on').execute(),
        db.selectFrom('deliveries').select('channel').where('touch_id', '=', touchId).where('status', '=', 'sent').execute(),
      ]);
      const card = t.policy_id === 'card-retry' ? await cardOf(db, touchId, t.step_id) : null;
      const ids = invoices.map((i) => i.id);
      const disputed = ids.length === 0 ? [] : await db.selectFrom('disputes').select('invoice_id').where('invoice_id', 'in', ids).where('status', '=', 'open').execute();
      const disputedIds = new Set(disputed.map((d) => toId(d.invoice_id)));
      return {
        touchId,
        caseId: record.id,
        idempotencyKey: t.idempotency_key,
        stepId: t.step_id,
        tone: t.tone as Tone,
        channels: t.channels.split(',').filter(Boolean) as Channel[],
        plannedOn: t.planned_on as LocalDate,
        caseState: record.state,
        account: { id: toId(account.id), ref: account.ref, name: account.name, country: account.country, timeZone: account.time_zone, segment: account.segment as Segment },
        contact: contact ? { name: contact.name, email: contact.email, phone: contact.phone, language: contact.language } : null,
        invoices: invoices.map((i) => ({
          id: toId(i.id), number: i.number, issueDate: i.issue_date as LocalDate, dueDate: i.due_date as LocalDate, totalMinor: toBigInt(i.total_minor),
          // A paid invoice's open amount may lag a moment behind its status; the status decides.
          openMinor: i.status === 'open' ? toBigInt(i.open_minor) : 0n, currency: i.currency, disputed: disputedIds.has(toId(i.id)),
        })),
        priorReminders: priors.flatMap((p) => p.channels.split(',').filter(Boolean).map((ch) => ({ date: p.planned_on as LocalDate, stepId: p.step_id, channel: ch as Channel }))),
        delivered: delivered.map((d) => d.channel as Channel),
        override: { subject: t.override_subject, text: t.override_text },
        attempts: toId(t.attempts),
        card,
      };
    },
    async recordChannel(touchId, channel, result, nowIso) {
      const status = result.kind === 'sent' || result.kind === 'task' ? 'sent' : result.kind;
      const providerId = result.kind === 'sent' ? result.providerId : null;
      const detail = result.kind === 'transient' || result.kind === 'permanent' ? result.reason : result.kind === 'task' ? result.title : null;
      await db.insertInto('deliveries').values({ touch_id: touchId, channel, status, provider_id: providerId, detail, at: nowIso })
        .onConflict((oc) => oc.columns(['touch_id', 'channel']).doUpdateSet({ status, provider_id: providerId, detail, at: nowIso })).execute();
      if (result.kind === 'sent' && channel === 'email') await db.updateTable('touches').set({ provider_message_id: providerId }).where('id', '=', touchId).execute();
    },
    async finish(touchId, status, reason, nowIso) {
      await db.updateTable('touches').set({ status, status_reason: reason, updated_at: nowIso }).where('id', '=', touchId).execute();
    },
    async retryLater(touchId, nextAttemptIso, countAttempt, reason, nowIso) {
      await db.updateTable('touches')
        .set((eb) => ({ status: 'approved', next_attempt_at: nextAttemptIso, status_reason: reason, updated_at: nowIso, attempts: countAttempt ? eb('attempts', '+', 1) : eb.ref('attempts') }))
        .where('id', '=', touchId).execute();
    },
    async narrow(touchId, droppedInvoiceIds, reason) {
      if (droppedInvoiceIds.length === 0) return;
      await db.updateTable('touches').set({ status_reason: `narrowed: ${reason}` }).where('id', '=', touchId).execute();
    },
    async createTask(task, nowIso) {
      await db.insertInto('tasks').values({ kind: task.kind, account_id: task.accountId, touch_id: task.touchId, title: task.title, detail: task.detail, status: 'open', created_at: nowIso }).execute();
    },
  };
}

/** The failed card payment a card-update touch is about, as it stands now. */
async function cardOf(db: Kysely<Database>, touchId: number, stepId: string): Promise<CardOfTouch | null> {
  const f = await db.selectFrom('card_failures').select(['id', 'stop_reason', 'next_retry_on', 'suspend_on'])
    .where((eb) => eb.or([eb('update_touch_id', '=', touchId), eb('final_touch_id', '=', touchId)])).executeTakeFirst();
  if (!f) return null;
  return { failureId: toId(f.id), hard: f.stop_reason === 'hard_decline', final: stepId === 'card-final', retryOn: f.next_retry_on as LocalDate | null, suspendOn: f.suspend_on as LocalDate | null };
}
