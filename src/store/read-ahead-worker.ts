// SQLite's read-ahead worker (read-ahead.ts): claims and reads the next batch of due cases on a
// read-only connection, in one read transaction (one snapshot), and sends the rows back. It runs
// the queries the main thread compiled (cadence-reads.ts `compiledReads`) on node:sqlite alone.
import { DatabaseSync, type SQLInputValue } from 'node:sqlite';
import { isMainThread, workerData, type MessagePort } from 'node:worker_threads';
import type { CompiledRead, CompiledReads, ContextRows } from './cadence-reads.ts';
import { readMarkers } from './read-markers.ts';
import type { BatchRows, ReadReply, ReadRequest } from './read-ahead.ts';

if (isMainThread) throw new Error('read-ahead-worker.ts runs in a worker thread');
const { file, port, state, reads } = workerData as { file: string; port: MessagePort; state: Int32Array; reads: CompiledReads };
const db = new DatabaseSync(file, { readOnly: true });
db.exec('PRAGMA busy_timeout = 10000');
const prepared = (read: CompiledRead) => {
  const statement = db.prepare(read.sql);
  return (values: Record<string, SQLInputValue>) => statement.all(...read.parameters.map((p) => (typeof p === 'string' && p in byMarker ? (values[byMarker[p] as string] as SQLInputValue) : (p as SQLInputValue))));
};
const byMarker: Record<string, string> = Object.fromEntries(Object.entries(readMarkers).map(([name, marker]) => [marker, name]));
const q = { claim: prepared(reads.claim), accounts: prepared(reads.accounts), contacts: prepared(reads.contacts), invoices: prepared(reads.invoices), disputes: prepared(reads.disputes), sent: prepared(reads.sent) };

// One request at a time, in order; each reply is announced in shared memory (read-ahead.ts).
port.on('message', (request: ReadRequest) => {
  port.postMessage(read(request));
  Atomics.add(state, 1, 1);
  Atomics.notify(state, 1);
});
Atomics.store(state, 0, 1);

function read(request: ReadRequest): ReadReply {
  try {
    db.exec('BEGIN');
    try {
      const cases = q.claim({ today: request.today, limit: request.limit, afterOn: request.after.nextActionOn, afterId: request.after.id }) as BatchRows['cases'];
      const ids = { accountIds: JSON.stringify([...new Set(cases.map((c) => Number(c.account_id)))]), caseIds: JSON.stringify(cases.map((c) => Number(c.id))) };
      const rows = {
        accounts: q.accounts(ids), contacts: q.contacts(ids), invoices: { grouped: true, rows: q.invoices(ids) }, disputes: q.disputes(ids), sent: q.sent(ids),
      } as unknown as ContextRows;
      return { id: request.id, batch: { cases, rows } };
    } finally {
      db.exec('COMMIT');
    }
  } catch (error) {
    return { id: request.id, error: error instanceof Error ? error.message : String(error) };
  }
}
