import { sql, type Kysely, type Transaction } from 'kysely';
import type { Clock } from '../core/clock.ts';
import type { LocalDate } from '../core/local-date.ts';
import type { CadenceStore, CadenceTx, CaseContext, CaseRecord, PlanWrites } from '../engine/cadence-ports.ts';
import { arrayLiteral, insertColumns, type TypedColumn } from './bulk-insert.ts';
import { assembleContexts, claimDueRows, compiledReads, contextRows, toCaseRecord, type ContextRows, type Db } from './cadence-reads.ts';
import { linesText, mergeHistory, ownRows } from './decision-rows.ts';
import { toId } from './convert.ts';
import type { StoreDialect } from './dialect.ts';
import { ReadAhead, readStamp } from './read-ahead.ts';
import type { Database } from './schema.ts';

/**
 * The cadence engine's store port on Kysely (SQLite and PostgreSQL). With `sqliteFile` (the
 * SQLite store's file), a run reads each next batch ahead in a worker thread (read-ahead.ts);
 * `onReadAhead` hears, for each claim once the worker runs, whether its batch read ahead was taken.
 */
export function cadenceStore(db: Kysely<Database>, dialect: StoreDialect, clock: Clock, sqliteFile: string | null = null, onReadAhead?: (taken: boolean) => void): CadenceStore {
  const now = (): string => clock.now().toISOString();
  // The read-ahead of the run in progress, started at its first full batch (a run of one batch
  // has nothing to read ahead) and stopped when the run ends.
  const run = { active: false, readAhead: null as ReadAhead | null };
  const readAhead: RunReadAhead | null = dialect === 'sqlite' && sqliteFile !== null
    ? { current: () => run.readAhead, start: () => (run.readAhead ??= new ReadAhead(sqliteFile, compiledReads(db))), observe: onReadAhead ?? (() => undefined) }
    : null;
  return {
    transaction: (fn) => db.transaction().execute(async (trx) => {
      const ahead = run.readAhead;
      try {
        const result = await fn(cadenceTx(trx, dialect, now, run.active ? readAhead : null));
        if (ahead) ahead.seal((await readStamp(trx)).changes);
        return result;
      } catch (error) {
        ahead?.drop();
        throw error;
      }
    }),
    async runBatches(batches) {
      run.active = true;
      try {
        return await batches();
      } finally {
        run.active = false;
        const ahead = run.readAhead;
        run.readAhead = null;
        await ahead?.close();
      }
    },
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

type RunReadAhead = { current(): ReadAhead | null; start(): ReadAhead; observe(taken: boolean): void };

function cadenceTx(trx: Transaction<Database>, dialect: StoreDialect, now: () => string, readAhead: RunReadAhead | null): CadenceTx {
  // The rows read ahead for the cases this transaction claimed, by the claim's array.
  const readRows = new WeakMap<readonly CaseRecord[], ContextRows>();
  return {
    async claimDueCases(today, limit, after = null) {
      if (!readAhead) return (await claimDueRows(trx, today, limit, after, dialect === 'postgres')).map(toCaseRecord);
      const stamp = await readStamp(trx);
      const ahead = readAhead.current();
      const batch = ahead ? ahead.take(today, limit, after, stamp) : null;
      if (ahead) readAhead.observe(batch !== null);
      const cases = (batch ? batch.cases : await claimDueRows(trx, today, limit, after, false)).map(toCaseRecord);
      if (batch) readRows.set(cases, batch.rows);
      const last = cases[cases.length - 1];
      // A full batch: the worker reads the next one while this one is planned and written.
      if (last && cases.length === limit) readAhead.start().request(today, limit, { nextActionOn: last.nextActionOn as LocalDate, id: last.id }, stamp.version);
      return cases;
    },
    async loadContexts(cases) {
      const rows = readRows.get(cases);
      return rows ? assembleContexts(cases, rows) : loadContexts(trx, cases);
    },
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

async function loadContexts(db: Db, cases: readonly CaseRecord[]): Promise<CaseContext[]> {
  return cases.length === 0 ? [] : assembleContexts(cases, await contextRows(db, cases));
}

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
