// @ts-check
// SQLite's run worker (run-worker.ts): during a cadence run this thread owns the run's own
// connection to the store's file. It claims and reads batches of due cases (reading each next one
// ahead while the main thread plans), and writes each planned batch in a transaction of its own,
// after checking that nobody else wrote to the file since the batch was read. It runs the
// statements the main thread compiled, on node:sqlite alone (no query builder to load).
//
// JavaScript, checked by the compiler from these comments' types, and importing only Node's own
// modules: a thread that loads TypeScript first sets up Node's type stripper in its isolate, 20-30
// ms of every run's start (run-worker.ts, WorkerData). What it needs of ours comes in workerData.
/** @import { SQLInputValue, StatementSync } from 'node:sqlite' */
/** @import { CompiledRead } from './cadence-reads.ts' */
/** @import { BatchTables, Cursor, TableRows, ToWorker, FromWorker, WorkerData } from './run-worker.ts' */
import { DatabaseSync } from 'node:sqlite';
import { isMainThread, receiveMessageOnPort, workerData } from 'node:worker_threads';

if (isMainThread) throw new Error('run-worker-thread.js runs in a worker thread');
const { file, reads, markers, pragmas, started, port } = /** @type {WorkerData} */ (workerData);
const db = new DatabaseSync(file);
for (const pragma of pragmas) db.exec(pragma);
// The write-ahead log is copied into the database file (checkpoint) once every `checkpointEvery`
// commits of this connection, not by SQLite at each commit past 1,000 pages (~15 ms here, holding
// up both batches in flight) nor when this thread has nothing else to do: it rarely has (it is the
// busier thread of a run). What a run leaves in the log is copied by the store's next commit once
// the log holds 1,000 pages, or when its last connection closes (`dunwise run`: after the report).
db.exec('PRAGMA wal_autocheckpoint = 0');

/** @type {Record<string, string>} */
const byMarker = Object.fromEntries(Object.entries(markers).map(([name, marker]) => [marker, name]));
/** @param {CompiledRead} read */
const prepared = (read) => {
  // Rows as arrays (BatchTables).
  const statement = db.prepare(read.sql);
  statement.setReturnArrays(true);
  const columns = statement.columns().map((c) => c.name);
  /** @param {Record<string, SQLInputValue>} values @returns {TableRows} */
  return (values) => ({
    columns,
    values: /** @type {unknown[][]} */ (/** @type {unknown} */ (statement.all(...read.parameters.map((p) => /** @type {SQLInputValue} */ (typeof p === 'string' && p in byMarker ? values[/** @type {string} */ (byMarker[p])] : p))))),
  });
};
const q = { claim: prepared(reads.claim), accounts: prepared(reads.accounts), contacts: prepared(reads.contacts), invoices: prepared(reads.invoices), disputes: prepared(reads.disputes), sent: prepared(reads.sent) };
// Where a claimed case's id, account and next action are in its row.
const column = (/** @type {string} */ name) => {
  const at = db.prepare(reads.claim.sql).columns().findIndex((c) => c.name === name);
  if (at === -1) throw new Error(`the claim reads no ${name}`);
  return at;
};
const caseColumn = { id: column('id'), accountId: column('account_id'), nextActionOn: column('next_action_on') };
const versionOf = db.prepare('PRAGMA data_version');
const dataVersion = () => Number(/** @type {{ data_version: number | bigint }} */ (versionOf.get()).data_version);
/** @type {Map<string, StatementSync>} */
const statements = new Map();

/** A batch handed out and not yet written or given back: where it ends, what it was read at. */
/** @typedef {{ readonly last: Cursor; readonly version: number }} Claim */
/** @type {Map<number, Claim>} */
const claims = new Map();
let nextToken = 1;
/** The next batch, read ahead after the last claim. @type {{ key: string; batch: BatchTables; version: number } | null} */
let ahead = null;
// Claims first: a claim is answered from the batch read ahead at once, and the main thread
// plans it while this one writes the batches waiting; the next batch is read ahead once no
// message waits.
/** @type {ToWorker[]} */
const queue = [];
/** @typedef {{ today: string; limit: number; after: Cursor }} Wanted */
/** @type {Wanted | null} */
let wantAhead = null;
port.on('message', (/** @type {ToWorker} */ first) => {
  queue.push(first);
  for (;;) {
    for (let m = receiveMessageOnPort(port); m; m = receiveMessageOnPort(port)) queue.push(/** @type {ToWorker} */ (m.message));
    const at = queue.findIndex((m) => m.kind === 'claim');
    const message = queue.splice(at === -1 ? 0 : at, 1)[0];
    if (message) handle(message);
    else if (wantAhead) readAhead(wantAhead);
    else return;
  }
});
Atomics.store(started, 0, 1);

/** @param {ToWorker} message */
function handle(message) {
  try {
    if (message.kind === 'claim') claim(message);
    else if (message.kind === 'write') write(message);
    else claims.delete(message.token);
  } catch (error) {
    if ('id' in message) post({ kind: 'failed', id: message.id, error: error instanceof Error ? error.message : String(error) });
  }
}

/**
 * Commits since the last checkpoint. A run of 20 batches (1,000,000 invoices, 9,900 cases due):
 * 0.301 s checkpointing after every 3 commits when idle and at the latest after 12, 0.292 s when
 * idle and after 40, 0.266 s after 40 only (interleaved in one process, medians of ten); the log
 * then holds up to ~40 batches (~40 MB).
 */
let commits = 0;
/**
 * Every `shareInvoices`-th batch is sent without its open invoices, which the main thread then
 * reads on its own connection (RunWorker.claim): this thread is the busier one of a run, and the
 * open invoices are most of its reading. A 1,000,000-invoice run: 0.261 s -> 0.243 s sharing one
 * batch in two, 0.248 s one in three; 0.278 s -> 0.258 s again (interleaved, medians of 10-12).
 * Safe under the same check as any batch: the main thread reads them after this thread took the
 * batch's data version and before it writes the batch, so another connection's commit in between
 * makes the batch stale.
 */
let batchesRead = 0;
const shareInvoices = 2;
const checkpointEvery = 40;

function checkpoint() {
  commits = 0;
  try {
    db.exec('PRAGMA wal_checkpoint(PASSIVE)');
  } catch {
    // Busy or failed: the next one, or the store's own connection, copies the log.
  }
}

/** @param {Wanted} wanted */
function readAhead(wanted) {
  wantAhead = null;
  try {
    ahead = { key: keyOf(wanted.today, wanted.limit, wanted.after), ...read(wanted.today, wanted.limit, wanted.after) };
  } catch {
    // The claim that wants it reads it again, and fails then if it must.
    ahead = null;
  }
}

/** @param {Extract<ToWorker, { kind: 'claim' }>} m */
function claim(m) {
  // Batches handed out and not yet written are held: a claim goes on after the last of them
  // (as PostgreSQL's claim skips locked rows), so two batches in flight never overlap.
  let after = m.after;
  for (const c of claims.values()) if (after === null || compare(c.last, after) > 0) after = c.last;
  const key = keyOf(m.today, m.limit, after);
  /** @type {BatchTables} */
  let batch;
  /** @type {number} */
  let at;
  if (ahead && ahead.key === key) ({ batch, version: at } = ahead);
  else ({ batch, version: at } = read(m.today, m.limit, after));
  ahead = null;
  wantAhead = null;
  const last = batch.cases.values[batch.cases.values.length - 1];
  const token = last ? nextToken++ : null;
  if (last && token !== null) claims.set(token, { last: cursorOf(last), version: at });
  post({ kind: 'claimed', id: m.id, token, batch });
  // A full batch: the next one is read ahead, while the main thread plans this one.
  if (last && batch.cases.values.length === m.limit) wantAhead = { today: m.today, limit: m.limit, after: cursorOf(last) };
}

/**
 * Writes a planned batch in a transaction of its own, if the rows it was planned from are still
 * the store's: no other connection committed since they were read (`data_version` moves only
 * then; this connection's own commits since are other batches', which never write this batch's
 * rows: run-worker.ts). A failed statement rolls the batch back and fails its write.
 */
/** @param {Extract<ToWorker, { kind: 'write' }>} m */
function write(m) {
  const c = claims.get(m.token);
  if (!c) throw new Error(`no batch ${m.token} is claimed`);
  claims.delete(m.token);
  db.exec('BEGIN IMMEDIATE');
  try {
    if (dataVersion() !== c.version) {
      ahead = null;
      wantAhead = null;
      db.exec('ROLLBACK');
      post({ kind: 'written', id: m.id, outcome: 'stale' });
      return;
    }
    for (const s of m.statements) {
      let statement = statements.get(s.sql);
      if (!statement) statements.set(s.sql, (statement = db.prepare(s.sql)));
      statement.run(.../** @type {SQLInputValue[]} */ (s.parameters));
    }
    db.exec('COMMIT');
    if (++commits >= checkpointEvery) checkpoint();
  } catch (error) {
    if (db.isTransaction) db.exec('ROLLBACK');
    ahead = null;
    wantAhead = null;
    throw error;
  }
  post({ kind: 'written', id: m.id, outcome: 'done' });
}

/** The claimed cases and their contexts' rows, from one snapshot, and the data version it was. */
/**
 * @param {string} today
 * @param {number} limit
 * @param {Cursor | null} after
 * @returns {{ batch: BatchTables; version: number }}
 */
function read(today, limit, after) {
  // Taken before the read transaction's snapshot, never after it: a commit by another connection
  // before the snapshot then only makes the batch look outdated, one after it always does.
  const version = dataVersion();
  db.exec('BEGIN');
  try {
    const cases = q.claim({ today, limit, afterOn: after?.nextActionOn ?? '', afterId: after?.id ?? 0 });
    const ids = { accountIds: JSON.stringify([...new Set(cases.values.map((c) => Number(c[caseColumn.accountId])))]), caseIds: JSON.stringify(cases.values.map((c) => Number(c[caseColumn.id]))) };
    const none = { columns: [], values: [] };
    const batch = cases.values.length === 0
      ? { cases, accounts: none, contacts: none, invoices: none, disputes: none, sent: none }
      : { cases, accounts: q.accounts(ids), contacts: q.contacts(ids), invoices: batchesRead % shareInvoices === shareInvoices - 1 ? null : q.invoices(ids), disputes: q.disputes(ids), sent: q.sent(ids) };
    batchesRead += 1;
    return { batch, version };
  } finally {
    db.exec('COMMIT');
  }
}

/** @param {FromWorker} message */
function post(message) {
  port.postMessage(message);
}

/** @param {readonly unknown[]} row a claimed case @returns {Cursor} */
function cursorOf(row) {
  return { nextActionOn: /** @type {string} */ (row[caseColumn.nextActionOn]), id: Number(row[caseColumn.id]) };
}

/** @param {Cursor} a @param {Cursor} b */
function compare(a, b) {
  return a.nextActionOn < b.nextActionOn ? -1 : a.nextActionOn > b.nextActionOn ? 1 : a.id - b.id;
}

/** @param {string} today @param {number} limit @param {Cursor | null} after */
const keyOf = (today, limit, after) => `${today}/${limit}/${after ? `${after.nextActionOn}/${after.id}` : ''}`;
