import { PostgresAdapter, sql, type Kysely, type RawBuilder, type Selectable, type Transaction } from 'kysely';
import type { CaseState, PlanInvoice } from '../core/cadence/types.ts';
import type { Clock } from '../core/clock.ts';
import type { Segment } from '../core/ledger.ts';
import type { LocalDate } from '../core/local-date.ts';
import type { CadenceStore, CadenceTx, CaseContext, CaseRecord, PlanWrites } from '../engine/cadence-ports.ts';
import { arrayLiteral, insertColumns, type TypedColumn } from './bulk-insert.ts';
import { linesText, mergeHistory, ownRows } from './decision-rows.ts';
import { toBigInt, toId } from './convert.ts';
import type { StoreDialect } from './dialect.ts';
import type { CasesTable, Database } from './schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** The cadence engine's store port on Kysely (SQLite and PostgreSQL). */
export function cadenceStore(db: Kysely<Database>, dialect: StoreDialect, clock: Clock): CadenceStore {
  const now = (): string => clock.now().toISOString();
  return {
    transaction: (fn) => db.transaction().execute((trx) => fn(cadenceTx(trx, dialect, now))),
    // Two batches at once on PostgreSQL: the server checks and indexes one batch's rows while
    // this process plans the next (measured: see docs/BENCHMARKS.md).
    concurrentBatches: dialect === 'postgres' ? 2 : 1,
    async casesActingBy(until, accountRef) {
      let q = db.selectFrom('cases').innerJoin('accounts', 'accounts.id', 'cases.account_id').selectAll('cases')
        .where('cases.state', '!=', 'closed').where('cases.next_action_on', 'is not', null).where('cases.next_action_on', '<=', until);
      if (accountRef !== null) q = q.where('accounts.ref', '=', accountRef);
      const rows = await q.orderBy('cases.id').execute();
      return loadContexts(db, rows.map(toCaseRecord));
    },
    async casesFor(target) {
      let accountId: number | null;
      if ('invoiceNumber' in target) {
        const inv = await db.selectFrom('invoices').select('account_id').where('number', '=', target.invoiceNumber).executeTakeFirst();
        accountId = inv ? toId(inv.account_id) : null;
      } else {
        const ref = target.accountRef;
        const acc = await db.selectFrom('accounts').select('id').where((eb) => (/^\d+$/.test(ref) ? eb.or([eb('ref', '=', ref), eb('id', '=', Number(ref))]) : eb('ref', '=', ref))).orderBy('id').executeTakeFirst();
        accountId = acc ? toId(acc.id) : null;
      }
      if (accountId === null) return [];
      const rows = await db.selectFrom('cases').selectAll().where('account_id', '=', accountId).orderBy('currency').execute();
      return loadContexts(db, rows.map(toCaseRecord));
    },
    async decisionHistory(caseIds, invoiceId) {
      if (caseIds.length === 0) return [];
      let q = db.selectFrom('decisions').leftJoin('invoices', 'invoices.id', 'decisions.invoice_id')
        .select(['decisions.run_on', 'decisions.case_id', 'decisions.invoice_id', 'decisions.kind', 'decisions.step_id', 'decisions.reason', 'decisions.detail', 'decisions.touch_id', 'invoices.number'])
        .where('decisions.case_id', 'in', caseIds);
      if (invoiceId !== null) q = q.where((eb) => eb.or([eb('decisions.invoice_id', '=', invoiceId), eb('decisions.invoice_id', 'is', null)]));
      // Touch decisions live on their touch lines (see decision-rows.ts).
      let l = db.selectFrom('touch_invoices').innerJoin('touches', 'touches.id', 'touch_invoices.touch_id').innerJoin('invoices', 'invoices.id', 'touch_invoices.invoice_id')
        .select(['touches.planned_on', 'touches.case_id', 'touches.tone', 'touches.channels', 'touch_invoices.invoice_id', 'touch_invoices.step_id', 'touch_invoices.touch_id', 'touch_invoices.reason', 'touch_invoices.detail', 'touch_invoices.fell_due_on', 'touch_invoices.passed_over', 'invoices.number'])
        .where('touches.case_id', 'in', caseIds).where('touch_invoices.reason', 'is not', null);
      if (invoiceId !== null) l = l.where('touch_invoices.invoice_id', '=', invoiceId);
      const [rows, lines] = await Promise.all([q.orderBy('decisions.id').execute(), l.orderBy('touch_invoices.touch_id').orderBy('touch_invoices.invoice_id').execute()]);
      return mergeHistory(
        rows.map((r) => ({
          runOn: r.run_on as LocalDate, caseId: toId(r.case_id), invoiceId: r.invoice_id === null ? null : toId(r.invoice_id), kind: r.kind,
          stepId: r.step_id, reason: r.reason, detail: r.detail, touchId: r.touch_id === null ? null : toId(r.touch_id), invoiceNumber: r.number,
        })),
        lines.map((r) => ({
          plannedOn: r.planned_on, caseId: toId(r.case_id), invoiceId: toId(r.invoice_id), stepId: r.step_id, touchId: toId(r.touch_id),
          reason: r.reason ?? '', detail: r.detail, fellDueOn: r.fell_due_on, tone: r.tone, channels: r.channels, passedOver: r.passed_over, invoiceNumber: r.number,
        })),
      );
    },
  };
}

function cadenceTx(trx: Transaction<Database>, dialect: StoreDialect, now: () => string): CadenceTx {
  return {
    async claimDueCases(today, limit, after) {
      let q = trx.selectFrom('cases').selectAll().where('next_action_on', 'is not', null).where('next_action_on', '<=', today).orderBy('next_action_on').orderBy('id').limit(limit);
      // A row comparison, which both stores answer from the (next_action_on, id) index.
      if (after) q = q.where(sql<boolean>`(next_action_on, id) > (${after.nextActionOn}, ${after.id})`);
      // Several workers on PostgreSQL: each takes cases no other transaction holds.
      if (dialect === 'postgres') q = q.forUpdate().skipLocked();
      return (await q.execute()).map(toCaseRecord);
    },
    loadContexts: (cases) => loadContexts(trx, cases),
    async writePlans(batch) {
      const at = now();
      // A touch keeps its lines, each with the planner's decision for it and the steps it passed
      // over, as JSON in its row (migration 0009, decision-rows.ts).
      const touchRows = batch.touches.map((t) => [t.caseId, t.stepId, t.policyId, t.plannedOn, t.channels.join(','), t.tone, t.template, t.action, t.status, t.idempotencyKey, at, at, linesText(t)]);
      await insertColumns(trx, 'touches', touchColumns, touchRows);
      const decisions = ownRows(batch).map((d) => [d.runOn, d.caseId, d.invoiceId, d.kind, d.stepId, d.reason, d.detail, d.touchId]);
      await insertColumns(trx, 'decisions', decisionColumns, decisions);
      if (dialect === 'postgres') await moveCasesByArrays(trx, batch.cases, at);
      else await moveCasesByJson(trx, batch.cases, at);
    },
  };
}

const touchColumns: readonly TypedColumn<'touches'>[] = [
  ['case_id', 'int'], ['step_id', 'text'], ['policy_id', 'text'], ['planned_on', 'text'], ['channels', 'text'], ['tone', 'text'], ['template', 'text'],
  ['action', 'text'], ['status', 'text'], ['idempotency_key', 'text'], ['created_at', 'text'], ['updated_at', 'text'], ['lines', 'json'],
];
const decisionColumns: readonly TypedColumn<'decisions'>[] = [
  ['run_on', 'text'], ['case_id', 'int'], ['invoice_id', 'int'], ['kind', 'text'], ['step_id', 'text'], ['reason', 'text'], ['detail', 'text'], ['touch_id', 'int'],
];

/** PostgreSQL: moves the cases' next actions in one statement, each column one array parameter. */
async function moveCasesByArrays(trx: Transaction<Database>, cases: PlanWrites['cases'], at: string): Promise<void> {
  if (cases.length === 0) return;
  await sql`update cases set next_action_on = u.next_action_on, last_touch_on = u.last_touch_on, touches_count = cases.touches_count + u.added, updated_at = ${at}
    from unnest(${arrayLiteral(cases.map((c) => c.caseId), 'int')}::int[], ${arrayLiteral(cases.map((c) => c.nextActionOn), 'text')}::text[],
      ${arrayLiteral(cases.map((c) => c.lastTouchOn), 'text')}::text[], ${arrayLiteral(cases.map((c) => c.touchesAdded), 'int')}::int[])
      as u(id, next_action_on, last_touch_on, added)
    where cases.id = u.id`.execute(trx);
}

/**
 * SQLite: moves the cases' next actions in one statement, the cases one JSON parameter joined by
 * id (`update ... from json_each`): 2.8 ms for 500 cases, where a CASE over the ids per 300
 * took 3.7 ms and its many placeholders ~5 ms more to build (measured).
 */
async function moveCasesByJson(trx: Transaction<Database>, cases: PlanWrites['cases'], at: string): Promise<void> {
  if (cases.length === 0) return;
  const json = JSON.stringify(cases.map((c) => [c.caseId, c.nextActionOn, c.lastTouchOn, c.touchesAdded]));
  await sql`update cases set next_action_on = json_extract(u.value, '$[1]'), last_touch_on = json_extract(u.value, '$[2]'),
      touches_count = touches_count + json_extract(u.value, '$[3]'), updated_at = ${at}
    from json_each(${json}) as u where cases.id = json_extract(u.value, '$[0]')`.execute(trx);
}

/**
 * `column in (ids)` with the ids as one parameter, not thousands of placeholders to compile,
 * bind and parse per batch: on PostgreSQL an array (`= any($1::int[])`), on SQLite a JSON list
 * (`in (select value from json_each(?))`; 5,000 invoice ids: 2.6 ms against 5.9 ms, measured).
 */
function idsIn(db: Db, column: string, ids: readonly number[]): RawBuilder<boolean> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) return sql<boolean>`${sql.ref(column)} = any(${arrayLiteral(ids, 'int')}::int[])`;
  return sql<boolean>`${sql.ref(column)} in (select value from json_each(${JSON.stringify(ids)}))`;
}

/** The sent steps of an invoice with none (most of a ledger): one shared, read-only set. */
const noSteps: ReadonlySet<string> = new Set();

/** Accounts, contacts, open invoices, open disputes and sent steps of the cases, in a few queries. */
async function loadContexts(db: Db, cases: readonly CaseRecord[]): Promise<CaseContext[]> {
  if (cases.length === 0) return [];
  const accountIds = [...new Set(cases.map((c) => c.accountId))];
  const [accounts, contacts, invoices, disputes, sent] = await Promise.all([
    db.selectFrom('accounts').select(['id', 'ref', 'name', 'country', 'segment', 'time_zone']).where(idsIn(db, 'id', accountIds)).execute(),
    // A contact counts only with an email address that has not bounced hard or opted out.
    db.selectFrom('contacts').select(['account_id']).where(idsIn(db, 'account_id', accountIds)).where('email', 'is not', null)
      .where(({ not, exists, selectFrom }) => not(exists(selectFrom('contact_issues').select('contact_issues.id').whereRef('contact_issues.email', '=', 'contacts.email').where('contact_issues.resolved_at', 'is', null))))
      .execute(),
    openInvoices(db, accountIds),
    // Open disputes by account, not by each open invoice's id: on PostgreSQL a batch's ~5,000
    // invoice ids were an array to send and parse and as many index probes, for a handful of rows.
    db.selectFrom('disputes').innerJoin('invoices', 'invoices.id', 'disputes.invoice_id').select('disputes.invoice_id')
      .where(idsIn(db, 'invoices.account_id', accountIds)).where('disputes.status', '=', 'open').execute(),
    // Sent steps from the touches of these cases (an invoice is in its account and currency's case).
    db.selectFrom('touch_invoices').select(['invoice_id', 'step_id']).where(idsIn(db, 'case_id', cases.map((c) => c.id))).execute(),
  ]);
  const byInvoice = new Map<number, OpenInvoice>();
  for (const list of invoices.values()) for (const i of list) byInvoice.set(i.id, i);
  for (const d of disputes) {
    const i = byInvoice.get(toId(d.invoice_id));
    if (i) i.disputed = true;
  }
  for (const s of sent) {
    const i = byInvoice.get(toId(s.invoice_id));
    if (!i) continue;
    if (i.sentSteps === noSteps) i.sentSteps = new Set([s.step_id]);
    else (i.sentSteps as Set<string>).add(s.step_id);
  }
  const withContact = new Set(contacts.map((c) => toId(c.account_id)));
  const byId = new Map(accounts.map((a) => [toId(a.id), a]));
  return cases.map((record) => {
    const a = byId.get(record.accountId);
    if (!a) throw new Error(`case ${record.id} has no account ${record.accountId}`);
    const mine = invoices.get(caseKey(record.accountId, record.currency)) ?? [];
    return {
      record,
      account: { id: record.accountId, ref: a.ref, name: a.name, country: a.country, segment: a.segment as Segment, timeZone: a.time_zone },
      hasContact: withContact.has(record.accountId),
      invoices: mine,
    };
  });
}

/** An open invoice as the planner takes it; disputes and sent steps are set once read. */
type OpenInvoice = PlanInvoice & { disputed: boolean; sentSteps: ReadonlySet<string> };

const caseKey = (accountId: number, currency: string): string => `${accountId}/${currency}`;

/**
 * The open invoices of the accounts, by case (account and currency). On SQLite each case's as
 * one JSON text built by SQLite (grouped in the index's order) and read by the runtime's JSON
 * parser: making a row object for each of a batch's ~5,000 invoices took half of the query's
 * 35 ms (measured: 18 ms as one JSON text; grouped by case, 1.7 ms instead of 3.8 ms of this
 * process's time per batch to read). On PostgreSQL the server building the JSON cost more than
 * the driver's rows (measured, a 99,000-invoice run: loading 0.5 s -> 0.8 s).
 */
async function openInvoices(db: Db, accountIds: readonly number[]): Promise<Map<string, OpenInvoice[]>> {
  const byCase = new Map<string, OpenInvoice[]>();
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) {
    const { rows } = await sql<{ account_id: number; currency: string; invoices: string }>`select account_id, currency,
        json_group_array(json_array(id, number, cast(open_minor as text), due_date)) as invoices
      from invoices where ${idsIn(db, 'account_id', accountIds)} and kind = 'invoice' and status = 'open' group by account_id, currency`.execute(db);
    for (const r of rows) {
      const list = JSON.parse(r.invoices) as [number, string, string, string][];
      byCase.set(caseKey(r.account_id, r.currency), list.map(([id, number, open, due]) => ({ id, number, openMinor: BigInt(open), dueDate: due as LocalDate, disputed: false, sentSteps: noSteps })));
    }
    return byCase;
  }
  const rows = await db.selectFrom('invoices').select(['id', 'account_id', 'number', 'currency', 'open_minor', 'due_date']).where(idsIn(db, 'account_id', accountIds)).where('kind', '=', 'invoice').where('status', '=', 'open').execute();
  for (const r of rows) {
    const key = caseKey(toId(r.account_id), r.currency);
    let list = byCase.get(key);
    if (!list) byCase.set(key, (list = []));
    list.push({ id: toId(r.id), number: r.number, openMinor: toBigInt(r.open_minor), dueDate: r.due_date as LocalDate, disputed: false, sentSteps: noSteps });
  }
  return byCase;
}

/** Maps a cases row to the engine's record, with its state as a discriminated union. */
export function toCaseRecord(r: Selectable<CasesTable>): CaseRecord {
  return {
    id: toId(r.id),
    accountId: toId(r.account_id),
    currency: r.currency,
    state: toState(r),
    nextActionOn: r.next_action_on as LocalDate | null,
    lastTouchOn: r.last_touch_on as LocalDate | null,
    lastReplyOn: r.last_reply_on as LocalDate | null,
    touchesCount: toId(r.touches_count),
  };
}

function toState(r: Selectable<CasesTable>): CaseState {
  switch (r.state) {
    case 'paused':
      return { kind: 'paused', reason: r.state_reason ?? '', until: r.state_until as LocalDate | null };
    case 'snoozed':
      return { kind: 'snoozed', reason: (r.state_reason ?? 'other') as 'promise' | 'out_of_office' | 'other', until: (r.state_until ?? '9999-12-31') as LocalDate };
    case 'plan':
      return { kind: 'plan' };
    case 'escalated':
      return { kind: 'escalated', owner: r.owner };
    case 'closed':
      return { kind: 'closed' };
    default:
      return { kind: 'active' };
  }
}
