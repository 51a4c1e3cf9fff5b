import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Clock } from '../core/clock.ts';
import type { LocalDate } from '../core/local-date.ts';
import type { CaseRecord } from '../engine/cadence-ports.ts';
import type { InboundStatus, InboundStore, InboundTx, StoredInbound } from '../engine/inbound-ports.ts';
import { messageIdFor } from '../channels/email/message-id.ts';
import { toCaseRecord } from './cadence-reads.ts';
import { caseAdminTx } from './case-admin-store.ts';
import { toId } from './convert.ts';
import { writer } from './ledger-store.ts';
import type { InboundMessagesTable } from './migrations/0004-inbound.ts';
import type { Database } from './schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** The inbound use-cases' store port on Kysely (SQLite and PostgreSQL). */
export function inboundStore(db: Kysely<Database>, clock: Clock): InboundStore {
  const now = (): string => clock.now().toISOString();
  return {
    async saveRaw(r) {
      // Stored before anything reads it: a crash later leaves the message here, status 'received'.
      const inserted = await db
        .insertInto('inbound_messages')
        .values({ message_id: r.messageId, raw: r.raw, raw_bytes: r.raw.length, received_at: r.receivedAt, received_on: r.receivedOn, source: r.source, envelope_to: r.envelopeTo.length > 0 ? r.envelopeTo.join(', ') : null, from_address: null, subject: null, text: null, kind: null, bounce: null, intent: null, confidence: null, facts: null, evidence: null, language: null, case_id: null, threaded_by: null, status: 'received', action: null, updated_at: now() })
        .onConflict((oc) => oc.column('message_id').doNothing())
        .returning('id')
        .executeTakeFirst();
      if (inserted) return { id: toId(inserted.id), fresh: true, status: 'received' };
      const existing = await db.selectFrom('inbound_messages').select(['id', 'status']).where('message_id', '=', r.messageId).executeTakeFirstOrThrow();
      return { id: toId(existing.id), fresh: false, status: existing.status as InboundStatus };
    },
    transaction: (fn) => db.transaction().execute((trx) => fn(inboundTx(trx, now))),
    async list(filter) {
      let q = selectMessages(db);
      if (filter.status !== null) q = q.where('inbound_messages.status', '=', filter.status);
      return (await q.orderBy('inbound_messages.id', 'desc').limit(filter.limit).execute()).map(toStored);
    },
    message: (id) => messageById(db, id),
    async raw(id) {
      const r = await db.selectFrom('inbound_messages').select('raw').where('id', '=', id).executeTakeFirst();
      return r ? Buffer.from(r.raw) : null;
    },
  };
}

function inboundTx(trx: Transaction<Database>, now: () => string): InboundTx {
  const w = writer(trx, now);
  const caseWhere = async (accountIds: number[]): Promise<CaseRecord | null> => {
    if (accountIds.length === 0) return null;
    const cases = await trx.selectFrom('cases').selectAll().where('account_id', 'in', accountIds).where('state', '!=', 'closed').orderBy('id').execute();
    for (const c of cases) {
      const open = await trx.selectFrom('invoices').select('id').where('account_id', '=', c.account_id).where('currency', '=', c.currency).where('status', '=', 'open').where('kind', '=', 'invoice').executeTakeFirst();
      if (open) return toCaseRecord(c);
    }
    return cases[0] ? toCaseRecord(cases[0]) : null;
  };
  const admin = caseAdminTx(trx, now);
  return {
    appendAudit: w.appendAudit,
    markCasesForPlanning: w.markCasesForPlanning,
    setCaseState: admin.setCaseState,
    openDispute: admin.openDispute,
    async caseById(caseId) {
      const c = await trx.selectFrom('cases').selectAll().where('id', '=', caseId).executeTakeFirst();
      return c ? toCaseRecord(c) : null;
    },
    async caseByMessageIds(ids) {
      const bare = ids.map((i) => i.trim().replace(/^<|>$/g, '')).filter((i) => i !== '');
      if (bare.length === 0) return null;
      const forms = [...bare, ...bare.map((i) => `<${i}>`)];
      const touch = await trx.selectFrom('touches').select('case_id').where('provider_message_id', 'in', forms).orderBy('id', 'desc').executeTakeFirst();
      const caseId = touch ? toId(touch.case_id) : await caseOfDeterministicId(trx, bare);
      return caseId === null ? null : this.caseById(caseId);
    },
    async caseByEmail(email) {
      const contacts = await trx.selectFrom('contacts').select('account_id').where((eb) => eb(eb.fn('lower', ['email']), '=', email.toLowerCase())).execute();
      return caseWhere([...new Set(contacts.map((c) => toId(c.account_id)))]);
    },
    async openInvoices(caseId) {
      const c = await trx.selectFrom('cases').select(['account_id', 'currency']).where('id', '=', caseId).executeTakeFirst();
      if (!c) return [];
      const rows = await trx.selectFrom('invoices').select(['id', 'number']).where('account_id', '=', c.account_id).where('currency', '=', c.currency).where('status', '=', 'open').where('kind', '=', 'invoice').orderBy('due_date').orderBy('number').execute();
      return rows.map((r) => ({ id: toId(r.id), number: r.number }));
    },
    async contactIdByEmail(email) {
      const c = await trx.selectFrom('contacts').select('id').where((eb) => eb(eb.fn('lower', ['email']), '=', email.toLowerCase())).orderBy('id').executeTakeFirst();
      return c ? toId(c.id) : null;
    },
    async insertDecisions(rows) {
      if (rows.length === 0) return;
      await trx.insertInto('decisions').values(rows.map((d) => ({ run_on: d.runOn, case_id: d.caseId, invoice_id: d.invoiceId, kind: d.kind, step_id: d.stepId, reason: d.reason, detail: d.detail, touch_id: d.touchId }))).execute();
    },
    async addTask(t) {
      const row = await trx.insertInto('tasks').values({ kind: t.kind, account_id: t.accountId, touch_id: null, title: t.title, detail: t.detail, status: 'open', created_at: now() }).returning('id').executeTakeFirstOrThrow();
      return toId(row.id);
    },
    async addPromise(p) {
      await trx.insertInto('promises').values({ case_id: p.caseId, inbound_id: p.inboundId, promised_on: p.promisedOn, grace_until: p.graceUntil, amount: p.amount, status: 'open', created_at: now() }).execute();
    },
    async addContactIssue(i) {
      const open = await trx.selectFrom('contact_issues').select('id').where('email', '=', i.email).where('issue', '=', i.issue).where('resolved_at', 'is', null).executeTakeFirst();
      if (open) return false;
      await trx.insertInto('contact_issues').values({ email: i.email, contact_id: i.contactId, issue: i.issue, reason: i.reason, inbound_id: i.inboundId, created_at: now(), resolved_at: null }).execute();
      return true;
    },
    async setLastReply(caseId, on) {
      await trx.updateTable('cases').set({ last_reply_on: on, updated_at: now() }).where('id', '=', caseId).where((eb) => eb.or([eb('last_reply_on', 'is', null), eb('last_reply_on', '<', on)])).execute();
    },
    async saveOutcome(id, o) {
      const i = o.read.intent;
      await trx.updateTable('inbound_messages').set({
        from_address: o.read.from, subject: o.read.subject, text: o.read.text, kind: o.read.kind, bounce: o.read.bounce ? JSON.stringify(o.read.bounce) : null,
        intent: i?.intent ?? null, confidence: i?.confidence ?? null, facts: JSON.stringify(i?.facts ?? {}), evidence: JSON.stringify(i?.evidence ?? (o.read.machineEvidence ? [o.read.machineEvidence] : [])),
        language: i?.lang ?? null, case_id: o.caseId, threaded_by: o.threadedBy, status: o.status, action: o.action, updated_at: now(),
      }).where('id', '=', id).execute();
    },
    message: (id) => messageById(trx, id),
  };
}

/**
 * Replies to a reminder whose Message-ID was not recorded still carry the id messageIdFor
 * derives from the touch's idempotency key; recompute it for the touches without one.
 */
async function caseOfDeterministicId(trx: Transaction<Database>, bare: readonly string[]): Promise<number | null> {
  const ours = bare.map((i) => /^dunwise\.[0-9a-f]{32}@(.+)$/i.exec(i)).filter((m): m is RegExpExecArray => m !== null);
  if (ours.length === 0) return null;
  const wanted = new Set(ours.map((m) => `<${m[0].toLowerCase()}>`));
  const domains = [...new Set(ours.map((m) => (m[1] ?? '').toLowerCase()))];
  let after = 0;
  for (;;) {
    const batch = await trx.selectFrom('touches').select(['id', 'case_id', 'idempotency_key']).where('provider_message_id', 'is', null).where('id', '>', after).orderBy('id').limit(2000).execute();
    for (const t of batch) if (domains.some((d) => wanted.has(messageIdFor(t.idempotency_key, d).toLowerCase()))) return toId(t.case_id);
    const last = batch[batch.length - 1];
    if (!last) return null;
    after = toId(last.id);
  }
}

function selectMessages(db: Db) {
  return db.selectFrom('inbound_messages').leftJoin('cases', 'cases.id', 'inbound_messages.case_id').leftJoin('accounts', 'accounts.id', 'cases.account_id')
    .select(['inbound_messages.id', 'inbound_messages.message_id', 'inbound_messages.received_at', 'inbound_messages.received_on', 'inbound_messages.source', 'inbound_messages.from_address', 'inbound_messages.subject', 'inbound_messages.text', 'inbound_messages.kind', 'inbound_messages.intent', 'inbound_messages.confidence', 'inbound_messages.facts', 'inbound_messages.evidence', 'inbound_messages.language', 'inbound_messages.bounce', 'inbound_messages.case_id', 'inbound_messages.threaded_by', 'inbound_messages.status', 'inbound_messages.action', 'accounts.ref']);
}

async function messageById(db: Db, id: number): Promise<StoredInbound | null> {
  const r = await selectMessages(db).where('inbound_messages.id', '=', id).executeTakeFirst();
  return r ? toStored(r) : null;
}

type Row = Omit<Selectable<InboundMessagesTable>, 'raw' | 'raw_bytes' | 'envelope_to' | 'updated_at'> & { ref: string | null };

function toStored(r: Row): StoredInbound {
  return {
    id: toId(r.id), messageId: r.message_id, receivedAt: r.received_at, receivedOn: r.received_on as LocalDate, source: r.source, from: r.from_address, subject: r.subject, text: r.text,
    kind: r.kind as StoredInbound['kind'], intent: r.intent as StoredInbound['intent'], confidence: r.confidence === null ? null : Number(r.confidence),
    facts: r.facts ? (JSON.parse(r.facts) as StoredInbound['facts']) : {}, evidence: r.evidence ? (JSON.parse(r.evidence) as string[]) : [], language: r.language,
    bounce: r.bounce ? (JSON.parse(r.bounce) as StoredInbound['bounce']) : null, caseId: r.case_id === null ? null : toId(r.case_id), accountRef: r.ref,
    threadedBy: r.threaded_by as StoredInbound['threadedBy'], status: r.status as InboundStatus, action: r.action,
  };
}
