import { CompiledQuery, sql, type Kysely, type Transaction } from 'kysely';
import type { Clock } from '../core/clock.ts';
import type { LocalDate } from '../core/local-date.ts';
import type { CadenceStore, CadenceTx, CaseContext, CaseRecord, PlanWrites } from '../engine/cadence-ports.ts';
import { arrayLiteral, insertColumns, insertStatements, type Cell, type Statement, type TypedColumn } from './bulk-insert.ts';
import { assembleContexts, claimDueRows, compiledReads, contextRows, openInvoiceRows, toCaseRecord, type Db } from './cadence-reads.ts';
import { linesText, mergeHistory, ownRows } from './decision-rows.ts';
import { toId } from './convert.ts';
import type { StoreDialect } from './dialect.ts';
import { RunWorker, type WorkerRows } from './run-worker.ts';
import type { Database } from './schema.ts';

/**
 * The cadence engine's store port on Kysely (SQLite and PostgreSQL). With `sqliteFile` (the
 * SQLite store's file), a run's batches are read and written by a worker thread on a connection of
 * its own while this thread plans (run-worker.ts); `observe` hears of each run's worker and how
 * each of its writes went (`stale`: the batch was planned again).
 */
export function cadenceStore(db: Kysely<Database>, dialect: StoreDialect, clock: Clock, sqliteFile: string | null = null, observe: RunObserver = {}): CadenceStore {
  const now = (): string => clock.now().toISOString();
  // The worker of the run in progress, started with it and stopped when it ends; until it has
  // started (~50 ms; and if it stops), batches go through this thread's connection; the worker's
  // first claim waits for those in flight (their commits would make what it read outdated).
  const run = { worker: null as RunWorker | null, here: Promise.resolve() as Promise<unknown> };
  const transaction = <T>(fn: (tx: CadenceTx) => Promise<T>): Promise<T> => {
    const done = db.transaction().execute((trx) => fn(cadenceTx(trx, dialect, now)));
    run.here = done.catch(() => undefined);
    return done;
  };
  return {
    transaction: async (fn) => {
      if (run.worker && !run.worker.ready && !run.worker.failure) return transaction((tx) => fn(startingBatch(tx)));
      if (!run.worker?.ready) return transaction(fn);
      await run.here;
      return workerTransaction(run.worker, db, now, fn, transaction, observe.write);
    },
    async runBatches(batches) {
      if (sqliteFile === null || dialect !== 'sqlite') return batches();
      const worker = (run.worker = new RunWorker(sqliteFile, compiledReads(db)));
      observe.worker?.(worker);
      try {
        return await batches();
      } finally {
        run.worker = null;
        worker.close();
      }
    },
    // Two batches at once: on PostgreSQL the server checks and indexes one batch's rows while
    // this process plans the next (measured: see docs/BENCHMARKS.md); on SQLite with the run
    // worker, the worker writes one while this thread plans the other.
    concurrentBatches: dialect === 'postgres' || sqliteFile !== null ? 2 : 1,
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

/**
 * While the run's worker starts (~30 ms), batches go through this thread's connection, each of at
 * most this many cases, so the worker takes over as soon as it has started rather than after a
 * full batch (of 500: ~35 ms of statements and planning). A 1,000,000-invoice run (9,900 cases due):
 * 0.431 s with full batches, 0.379 s with batches of 100, 0.406 s of 50, 0.401 s of 200 (medians
 * of eight, interleaved in one process).
 */
const startingBatchCases = 100;

const startingBatch = (tx: CadenceTx): CadenceTx => ({ ...tx, claimDueCases: (today, limit, after) => tx.claimDueCases(today, Math.min(limit, startingBatchCases), after) });

/** What tests observe of SQLite's run worker. */
export type RunObserver = { readonly write?: (outcome: 'done' | 'stale') => void; readonly worker?: (worker: RunWorker) => void };

function cadenceTx(trx: Transaction<Database>, dialect: StoreDialect, now: () => string): CadenceTx {
  return {
    claimDueCases: async (today, limit, after = null) => (await claimDueRows(trx, today, limit, after, dialect === 'postgres')).map(toCaseRecord),
    loadContexts: (cases) => loadContexts(trx, cases),
    async writePlans(batch) {
      if (dialect === 'sqlite') {
        for (const s of sqliteWrites(trx, batch, now())) await trx.executeQuery(CompiledQuery.raw(s.sql, s.parameters));
        return;
      }
      const at = now();
      await insertColumns(trx, 'touches', touchColumns, touchRows(batch, at));
      await insertColumns(trx, 'decisions', decisionColumns, decisionRows(batch));
      await moveCasesByArrays(trx, batch.cases, at);
    },
  };
}

/**
 * A run's batch through SQLite's run worker: claimed and read there (ahead, mostly), planned
 * here, written there; planned again if the worker finds its rows outdated, and through this
 * thread's connection if the worker stops.
 */
async function workerTransaction<T>(
  worker: RunWorker, db: Kysely<Database>, now: () => string, fn: (tx: CadenceTx) => Promise<T>, here: (fn: (tx: CadenceTx) => Promise<T>) => Promise<T>, onWrite?: (outcome: 'done' | 'stale') => void,
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    // Outdated twice (another writer is busy): under the write lock here, as without a worker.
    if (attempt === 2) return here(fn);
    const batch = { token: null as number | null, rows: null as WorkerRows | null, writes: null as Statement[] | null };
    const tx: CadenceTx = {
      async claimDueCases(today, limit, after = null) {
        const claimed = await worker.claim(today, limit, after);
        batch.token = claimed.token;
        batch.rows = claimed.batch.rows;
        return claimed.batch.cases.map(toCaseRecord);
      },
      async loadContexts(cases) {
        const rows = batch.rows;
        if (!rows) return assembleContexts(cases, await contextRows(db, cases));
        return assembleContexts(cases, { ...rows, invoices: rows.invoices ?? (await openInvoiceRows(db, cases)) });
      },
      async writePlans(plans) {
        batch.writes = sqliteWrites(db, plans, now());
      },
    };
    let result: T;
    try {
      result = await fn(tx);
    } catch (error) {
      if (batch.token !== null) worker.release(batch.token);
      if (worker.failure) return here(fn);
      throw error;
    }
    if (batch.token === null) return result;
    if (batch.writes === null) {
      worker.release(batch.token);
      return result;
    }
    let outcome: 'done' | 'stale';
    try {
      outcome = await worker.write(batch.token, batch.writes);
    } catch (error) {
      // The thread stopped: whatever it had not committed is rolled back; plan it again here.
      if (worker.failure) return here(fn);
      throw error;
    }
    onWrite?.(outcome);
    if (outcome === 'done') return result;
  }
}

/** SQLite: a batch's writes as statements (run by this thread's connection or by the run worker). */
function sqliteWrites(db: Db, batch: PlanWrites, at: string): Statement[] {
  return [
    ...insertStatements(false, 'touches', touchNames, touchRows(batch, at)),
    ...insertStatements(false, 'decisions', decisionNames, decisionRows(batch)),
    ...(batch.cases.length === 0 ? [] : [moveCasesByJson(db, batch.cases, at)]),
  ];
}

// A touch keeps its lines, each with the planner's decision for it and the steps it passed over,
// as JSON in its row (migration 0009, decision-rows.ts).
const touchRows = (batch: PlanWrites, at: string): Cell[][] =>
  batch.touches.map((t) => [t.caseId, t.stepId, t.policyId, t.plannedOn, t.channels.join(','), t.tone, t.template, t.action, t.status, t.idempotencyKey, at, at, linesText(t)]);
const decisionRows = (batch: PlanWrites): Cell[][] => ownRows(batch).map((d) => [d.runOn, d.caseId, d.invoiceId, d.kind, d.stepId, d.reason, d.detail, d.touchId]);

const touchColumns: readonly TypedColumn<'touches'>[] = [
  ['case_id', 'int'], ['step_id', 'text'], ['policy_id', 'text'], ['planned_on', 'text'], ['channels', 'text'], ['tone', 'text'], ['template', 'text'],
  ['action', 'text'], ['status', 'text'], ['idempotency_key', 'text'], ['created_at', 'text'], ['updated_at', 'text'], ['lines', 'json'],
];
const decisionColumns: readonly TypedColumn<'decisions'>[] = [
  ['run_on', 'text'], ['case_id', 'int'], ['invoice_id', 'int'], ['kind', 'text'], ['step_id', 'text'], ['reason', 'text'], ['detail', 'text'], ['touch_id', 'int'],
];

const touchNames = touchColumns.map(([name]) => name);
const decisionNames = decisionColumns.map(([name]) => name);

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
function moveCasesByJson(db: Db, cases: PlanWrites['cases'], at: string): Statement {
  const json = JSON.stringify(cases.map((c) => [c.caseId, c.nextActionOn, c.lastTouchOn, c.touchesAdded]));
  const { sql: text, parameters } = sql`update cases set next_action_on = json_extract(u.value, '$[1]'), last_touch_on = json_extract(u.value, '$[2]'),
      touches_count = touches_count + json_extract(u.value, '$[3]'), updated_at = ${at}
    from json_each(${json}) as u where cases.id = json_extract(u.value, '$[0]')`.compile(db);
  return { sql: text, parameters: [...parameters] };
}
