import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { sql, type Selectable } from 'kysely';
import type { LocalDate } from '../core/local-date.ts';
import type { ClaimCursor } from '../engine/cadence-ports.ts';
import type { CompiledReads, ContextRows, Db } from './cadence-reads.ts';
import type { CasesTable } from './schema.ts';

/** A batch read ahead: the claimed cases' rows and their contexts' rows, from one snapshot. */
export type BatchRows = { readonly cases: Selectable<CasesTable>[]; readonly rows: ContextRows };
export type ReadRequest = { readonly id: number; readonly today: LocalDate; readonly limit: number; readonly after: ClaimCursor };
export type ReadReply = { readonly id: number; readonly batch: BatchRows } | { readonly id: number; readonly error: string };

/**
 * What tells a transaction whether the database changed since a point: `data_version` moves
 * when another connection commits, `total_changes()` when this one writes a row.
 */
export type Stamp = { readonly version: number; readonly changes: number };

export async function readStamp(db: Db): Promise<Stamp> {
  const { rows } = await sql<Stamp>`select (select data_version from pragma_data_version) as version, total_changes() as changes`.execute(db);
  const r = rows[0] as Stamp;
  return { version: Number(r.version), changes: Number(r.changes) };
}

type Pending = { readonly id: number; readonly key: string; readonly version: number; changes: number | null };

/**
 * SQLite's read-ahead: node:sqlite is synchronous, so while this thread plans and writes batch N
 * a worker thread (read-ahead-worker.ts), on a read-only connection of its own, claims and reads
 * batch N+1. The next transaction takes that batch only when nothing else changed the database
 * meanwhile; otherwise it reads the batch itself, as without a read-ahead.
 *
 * Why a batch read during batch N's transaction is batch N+1's truth: N+1's cases come after
 * N's in the claim order and its reads (cases, accounts, contacts, open invoices, disputes,
 * touches of N+1's cases) are of rows batch N does not write (N writes its own cases' touches,
 * decisions and next actions). So the state N+1's transaction sees equals the worker's snapshot
 * plus N's writes, unless some other writer committed in between: another connection (its
 * commit moves `data_version`, read when N claimed and when N+1 claims; N holds the write lock
 * from its BEGIN IMMEDIATE) or this connection outside the two transactions (`total_changes()`
 * at the end of N and when N+1 claims).
 */
export class ReadAhead {
  private readonly worker: Worker;
  private readonly port: MessagePort;
  // [0]: 1 once the worker is ready; [1]: replies sent so far. node:sqlite keeps this thread
  // busy in one run of microtasks, where no message event fires: so the worker's state is read
  // from shared memory and its replies taken synchronously from a port (receiveMessageOnPort).
  private readonly state = new Int32Array(new SharedArrayBuffer(8));
  private failed = false;
  private nextId = 1;
  private pending: Pending | null = null;

  /** `reads`: the batch's queries, compiled (cadence-reads.ts `compiledReads`). */
  constructor(file: string, reads: CompiledReads) {
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    // Small heap limits: the worker holds one batch's rows at a time.
    this.worker = new Worker(new URL('./read-ahead-worker.ts', import.meta.url), {
      workerData: { file, port: port2, state: this.state, reads },
      transferList: [port2],
      resourceLimits: { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 16 },
    });
    // A worker that cannot start or dies only ends the read-ahead: every batch is then read here.
    this.worker.on('error', () => (this.failed = true));
    this.worker.on('exit', () => (this.failed = true));
    this.worker.unref();
    this.port.unref();
  }

  /** Asks for the batch after `after`, as of now (`version` read in this transaction). */
  request(today: LocalDate, limit: number, after: ClaimCursor, version: number): void {
    this.pending = null;
    // Not started yet (~50 ms): this batch is read here, like one without a read-ahead.
    if (this.failed || Atomics.load(this.state, 0) !== 1) return;
    const id = this.nextId++;
    this.port.postMessage({ id, today, limit, after } satisfies ReadRequest);
    this.pending = { id, key: keyOf(today, limit, after), version, changes: null };
  }

  /** The transaction that asked is about to commit, with this connection's changes so far. */
  seal(changes: number): void {
    if (this.pending && this.pending.changes === null) this.pending.changes = changes;
  }

  /** Forgets the batch asked for (its transaction failed). */
  drop(): void {
    this.pending = null;
  }

  /** The batch read ahead for this claim, if it was asked for and nothing changed since. */
  take(today: LocalDate, limit: number, after: ClaimCursor | null, now: Stamp): BatchRows | null {
    const p = this.pending;
    this.pending = null;
    if (!p) return null;
    const reply = this.reply(p.id);
    if (!reply || !('batch' in reply)) return null;
    if (after === null || p.key !== keyOf(today, limit, after) || p.version !== now.version || p.changes !== now.changes) return null;
    return reply.batch;
  }

  async close(): Promise<void> {
    this.failed = true;
    this.port.close();
    await this.worker.terminate();
  }

  /** Waits for the reply to request `id` (the worker answers in order); null if it never comes. */
  private reply(id: number): ReadReply | null {
    for (;;) {
      const seen = Atomics.load(this.state, 1);
      const m = receiveMessageOnPort(this.port);
      if (m) {
        const reply = m.message as ReadReply;
        if (reply.id === id) return reply;
        continue;
      }
      if (this.failed || Atomics.wait(this.state, 1, seen, replyTimeoutMs) === 'timed-out') {
        this.failed = true;
        return null;
      }
    }
  }
}

/** A read that takes longer than this means a stuck worker: the run goes on without it. */
const replyTimeoutMs = 30_000;

const keyOf = (today: LocalDate, limit: number, after: ClaimCursor): string => `${today}/${limit}/${after.nextActionOn}/${after.id}`;
