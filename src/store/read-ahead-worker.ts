// SQLite's read-ahead worker (read-ahead.ts): claims and reads the next batch of due cases on a
// read-only connection, in one read transaction (one snapshot), and sends the rows back.
import { isMainThread, workerData, type MessagePort } from 'node:worker_threads';
import { Kysely, SqliteDialect } from 'kysely';
import { claimDueRows, contextRows, toCaseRecord } from './cadence-reads.ts';
import type { ReadReply, ReadRequest } from './read-ahead.ts';
import type { Database } from './schema.ts';
import { nodeSqliteDatabase } from './sqlite-database.ts';

if (isMainThread) throw new Error('read-ahead-worker.ts runs in a worker thread');
const { file, port, state } = workerData as { file: string; port: MessagePort; state: Int32Array };
const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: nodeSqliteDatabase(file, { readOnly: true }) }) });

// One request at a time, in order; each reply is announced in shared memory (read-ahead.ts).
let queue = Promise.resolve();
port.on('message', (request: ReadRequest) => {
  queue = queue.then(async () => {
    port.postMessage(await read(request));
    Atomics.add(state, 1, 1);
    Atomics.notify(state, 1);
  });
});
Atomics.store(state, 0, 1);

async function read(request: ReadRequest): Promise<ReadReply> {
  try {
    const batch = await db.transaction().execute(async (trx) => {
      const cases = await claimDueRows(trx, request.today, request.limit, request.after, false);
      return { cases, rows: await contextRows(trx, cases.map(toCaseRecord)) };
    });
    return { id: request.id, batch };
  } catch (error) {
    return { id: request.id, error: error instanceof Error ? error.message : String(error) };
  }
}
