// SQLite's run worker (run-worker.ts): during a cadence run this thread owns the run's own
// connection to the store's file. It claims and reads batches of due cases (reading each next one
// ahead while the main thread plans), and writes each planned batch in a transaction of its own,
// after checking that nobody else wrote to the file since the batch was read. It runs the
// statements the main thread compiled, on node:sqlite alone (no query builder to load).
import type { DatabaseSync, SQLInputValue } from 'node:sqlite';
import { isMainThread, receiveMessageOnPort, workerData, type MessagePort } from 'node:worker_threads';
import type { CompiledRead, CompiledReads, ContextRows } from './cadence-reads.ts';
import { readMarkers } from './read-markers.ts';
import type { BatchRows, Cursor, ToWorker, FromWorker } from './run-worker.ts';
import { openConnection } from './sqlite-database.ts';

if (isMainThread) throw new Error('run-worker-thread.ts runs in a worker thread');
const { file, reads, started, port } = workerData as { file: string; reads: CompiledReads; started: Int32Array; port: MessagePort };
const db = openConnection(file);
// The write-ahead log is copied into the database file when this thread has nothing else to do
// (checkpoint), not inside a commit: a commit that checkpoints (every ~1,000 pages by
// default, ~15 ms here) holds up both batches in flight, the one it writes and the one waiting
// for its claim.
db.exec('PRAGMA wal_autocheckpoint = 0');

const byMarker: Record<string, string> = Object.fromEntries(Object.entries(readMarkers).map(([name, marker]) => [marker, name]));
const prepared = (read: CompiledRead) => {
  const statement = db.prepare(read.sql);
  return (values: Record<string, SQLInputValue>) => statement.all(...read.parameters.map((p) => (typeof p === 'string' && p in byMarker ? (values[byMarker[p] as string] as SQLInputValue) : (p as SQLInputValue))));
};
const q = { claim: prepared(reads.claim), accounts: prepared(reads.accounts), contacts: prepared(reads.contacts), invoices: prepared(reads.invoices), disputes: prepared(reads.disputes), sent: prepared(reads.sent) };
const versionOf = db.prepare('PRAGMA data_version');
const dataVersion = (): number => Number((versionOf.get() as { data_version: number | bigint }).data_version);
const statements = new Map<string, ReturnType<DatabaseSync['prepare']>>();

/** A batch handed out and not yet written or given back: where it ends, what it was read at. */
type Claim = { readonly last: Cursor; readonly version: number };
const claims = new Map<number, Claim>();
let nextToken = 1;
/** The next batch, read ahead after the last claim. */
let ahead: { key: string; batch: BatchRows; version: number } | null = null;
// Claims first: a claim is answered from the batch read ahead at once, and the main thread
// plans it while this one writes the batches waiting; the next batch is read ahead once no
// message waits.
const queue: ToWorker[] = [];
let wantAhead: { today: string; limit: number; after: Cursor } | null = null;
port.on('message', (first: ToWorker) => {
  queue.push(first);
  for (;;) {
    for (let m = receiveMessageOnPort(port); m; m = receiveMessageOnPort(port)) queue.push(m.message as ToWorker);
    const at = queue.findIndex((m) => m.kind === 'claim');
    const message = queue.splice(at === -1 ? 0 : at, 1)[0];
    if (message) handle(message);
    else if (wantAhead) readAhead(wantAhead);
    else if (commits >= checkpointEvery) checkpoint();
    else return;
  }
});
Atomics.store(started, 0, 1);

function handle(message: ToWorker): void {
  try {
    if (message.kind === 'claim') claim(message);
    else if (message.kind === 'write') write(message);
    else claims.delete(message.token);
  } catch (error) {
    if ('id' in message) port.postMessage({ kind: 'failed', id: message.id, error: error instanceof Error ? error.message : String(error) } satisfies FromWorker);
  }
}

/** Commits since the last checkpoint; at most `checkpointLate` even when never idle. */
let commits = 0;
const checkpointEvery = 3;
const checkpointLate = 12;

function checkpoint(): void {
  commits = 0;
  try {
    db.exec('PRAGMA wal_checkpoint(PASSIVE)');
  } catch {
    // Busy or failed: the next one, or the store's own connection, copies the log.
  }
}

function readAhead(wanted: { today: string; limit: number; after: Cursor }): void {
  wantAhead = null;
  try {
    ahead = { key: keyOf(wanted.today, wanted.limit, wanted.after), ...read(wanted.today, wanted.limit, wanted.after) };
  } catch {
    // The claim that wants it reads it again, and fails then if it must.
    ahead = null;
  }
}

function claim(m: Extract<ToWorker, { kind: 'claim' }>): void {
  // Batches handed out and not yet written are held: a claim goes on after the last of them
  // (as PostgreSQL's claim skips locked rows), so two batches in flight never overlap.
  let after = m.after;
  for (const c of claims.values()) if (after === null || compare(c.last, after) > 0) after = c.last;
  const key = keyOf(m.today, m.limit, after);
  let batch: BatchRows;
  let at: number;
  if (ahead && ahead.key === key) ({ batch, version: at } = ahead);
  else ({ batch, version: at } = read(m.today, m.limit, after));
  ahead = null;
  wantAhead = null;
  const last = batch.cases[batch.cases.length - 1];
  const token = last ? nextToken++ : null;
  if (last && token !== null) claims.set(token, { last: { nextActionOn: last.next_action_on as string, id: Number(last.id) }, version: at });
  port.postMessage({ kind: 'claimed', id: m.id, token, batch } satisfies FromWorker);
  // A full batch: the next one is read ahead, while the main thread plans this one.
  if (last && batch.cases.length === m.limit) wantAhead = { today: m.today, limit: m.limit, after: { nextActionOn: last.next_action_on as string, id: Number(last.id) } };
}

/**
 * Writes a planned batch in a transaction of its own, if the rows it was planned from are still
 * the store's: no other connection committed since they were read (`data_version` moves only
 * then; this connection's own commits since are other batches', which never write this batch's
 * rows: run-worker.ts). A failed statement rolls the batch back and fails its write.
 */
function write(m: Extract<ToWorker, { kind: 'write' }>): void {
  const c = claims.get(m.token);
  if (!c) throw new Error(`no batch ${m.token} is claimed`);
  claims.delete(m.token);
  db.exec('BEGIN IMMEDIATE');
  try {
    if (dataVersion() !== c.version) {
      ahead = null;
      wantAhead = null;
      db.exec('ROLLBACK');
      port.postMessage({ kind: 'written', id: m.id, outcome: 'stale' } satisfies FromWorker);
      return;
    }
    for (const s of m.statements) {
      let statement = statements.get(s.sql);
      if (!statement) statements.set(s.sql, (statement = db.prepare(s.sql)));
      statement.run(...(s.parameters as SQLInputValue[]));
    }
    db.exec('COMMIT');
    if (++commits >= checkpointLate) checkpoint();
  } catch (error) {
    if (db.isTransaction) db.exec('ROLLBACK');
    ahead = null;
    wantAhead = null;
    throw error;
  }
  port.postMessage({ kind: 'written', id: m.id, outcome: 'done' } satisfies FromWorker);
}

/** The claimed cases and their contexts' rows, from one snapshot, and the data version it was. */
function read(today: string, limit: number, after: Cursor | null): { batch: BatchRows; version: number } {
  // Taken before the read transaction's snapshot, never after it: a commit by another connection
  // before the snapshot then only makes the batch look outdated, one after it always does.
  const version = dataVersion();
  db.exec('BEGIN');
  try {
    const cases = q.claim({ today, limit, afterOn: after?.nextActionOn ?? '', afterId: after?.id ?? 0 }) as BatchRows['cases'];
    const ids = { accountIds: JSON.stringify([...new Set(cases.map((c) => Number(c.account_id)))]), caseIds: JSON.stringify(cases.map((c) => Number(c.id))) };
    const rows = cases.length === 0
      ? { accounts: [], contacts: [], invoices: { grouped: true, rows: [] }, disputes: [], sent: [] }
      : { accounts: q.accounts(ids), contacts: q.contacts(ids), invoices: { grouped: true, rows: q.invoices(ids) }, disputes: q.disputes(ids), sent: q.sent(ids) };
    return { batch: { cases, rows: rows as unknown as ContextRows }, version };
  } finally {
    db.exec('COMMIT');
  }
}

function compare(a: Cursor, b: Cursor): number {
  return a.nextActionOn < b.nextActionOn ? -1 : a.nextActionOn > b.nextActionOn ? 1 : a.id - b.id;
}

const keyOf = (today: string, limit: number, after: Cursor | null): string => `${today}/${limit}/${after ? `${after.nextActionOn}/${after.id}` : ''}`;
