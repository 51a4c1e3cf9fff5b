import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
import type { Selectable } from 'kysely';
import type { LocalDate } from '../core/local-date.ts';
import type { ClaimCursor } from '../engine/cadence-ports.ts';
import type { Statement } from './bulk-insert.ts';
import { readMarkers, type CompiledReads, type ContextRows } from './cadence-reads.ts';
import type { CasesTable } from './schema.ts';
import { connectionPragmas } from './sqlite-database.ts';

/** A batch as read: the claimed cases' rows and their contexts' rows, from one snapshot. */
export type BatchRows = { readonly cases: Selectable<CasesTable>[]; readonly rows: WorkerRows };

/** A batch's context rows from the worker, whose open invoices this thread may have to read itself (`null`; see RunWorker). */
export type WorkerRows = Omit<ContextRows, 'invoices'> & { readonly invoices: ContextRows['invoices'] | null };
export type Cursor = { readonly nextActionOn: string; readonly id: number };

/** A query's rows as the worker sends them: each row an array of its values, in the columns' order. */
export type TableRows = { readonly columns: readonly string[]; readonly values: readonly (readonly unknown[])[] };

/**
 * A batch as the worker sends it: every query's rows as arrays. The structured clone that carries
 * a message writes each object's property names again, so rows as objects cost both threads more
 * (~9,900 cases, accounts and invoice groups a run): a 1,000,000-invoice run 0.308 s with objects,
 * 0.281 s with arrays made objects again on this thread (interleaved in one process, medians of ten).
 */
export type BatchTables = { readonly [K in 'cases' | 'accounts' | 'contacts' | 'disputes' | 'sent']: TableRows } & { readonly invoices: TableRows | null };

export type ToWorker =
  | { readonly kind: 'claim'; readonly id: number; readonly today: LocalDate; readonly limit: number; readonly after: Cursor | null }
  | { readonly kind: 'write'; readonly id: number; readonly token: number; readonly statements: readonly Statement[] }
  | { readonly kind: 'release'; readonly token: number };
export type FromWorker =
  | { readonly kind: 'claimed'; readonly id: number; readonly token: number | null; readonly batch: BatchTables }
  | { readonly kind: 'written'; readonly id: number; readonly outcome: 'done' | 'stale' }
  | { readonly kind: 'failed'; readonly id: number; readonly error: string };

export type Claimed = { readonly token: number | null; readonly batch: BatchRows };

/**
 * What the worker thread starts with: the file, the reads with their markers, how a connection is
 * set up, the flag it sets once started and its port. The thread is JavaScript and imports nothing
 * of ours: a worker that loads TypeScript first sets up Node's type stripper in its own isolate,
 * 20-30 ms of each run's start (measured: an empty .ts worker 34-50 ms, .js 20 ms).
 */
export type WorkerData = {
  readonly file: string;
  readonly reads: CompiledReads;
  readonly markers: typeof readMarkers;
  readonly pragmas: readonly string[];
  readonly started: Int32Array;
  readonly port: MessagePort;
};

/**
 * SQLite's run worker. node:sqlite is synchronous: on one thread a run either plans or waits for
 * a statement. During a run a worker thread (run-worker-thread.js) owns a connection of its own
 * and does the run's reading and writing, while this thread only plans: it claims batch N+1 and
 * reads it ahead while this thread plans N, and writes N while this thread plans N+1 (the engine
 * keeps two batches in flight: `concurrentBatches`).
 *
 * A batch is planned from rows read outside the transaction that writes it, so the worker writes
 * it only if those rows are still the store's truth, and else answers `stale` (the batch is then
 * claimed, read and planned again; a third attempt goes through the main thread's connection,
 * under the write lock from its claim on, as without a worker). They are when
 * no other connection committed since they were read: `data_version` moves exactly then, and the
 * worker compares it inside the writing transaction, which holds the write lock (BEGIN
 * IMMEDIATE). The worker's own commits in between are of other batches of the run, and a batch
 * writes only rows no other batch reads: its cases' touches, decisions and next actions (claims
 * never overlap: a claim goes on after the batches in flight, and a written case's next action
 * is after today, out of every later claim), while a batch reads its own cases, their accounts,
 * contacts, open invoices and disputes, and its own cases' touches.
 */
export class RunWorker {
  private readonly worker: Worker;
  private readonly port: MessagePort;
  private readonly waiting = new Map<number, { resolve(m: FromWorker): void; reject(e: Error): void }>();
  private nextId = 1;
  // 1 once the worker has started. Until then this thread runs batches on its own connection,
  // synchronously, in one run of microtasks where no message event fires: so shared memory.
  private readonly started = new Int32Array(new SharedArrayBuffer(4));
  /** Why the worker stopped, once it has. */
  private stopped: Error | null = null;

  constructor(file: string, reads: CompiledReads) {
    // Small heap limits: the worker holds a batch or two at a time.
    // A port of its own, which the worker drains at once (receiveMessageOnPort) to answer claims first.
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    const workerData: WorkerData = { file, reads, markers: readMarkers, pragmas: connectionPragmas, started: this.started, port: port2 };
    this.worker = new Worker(new URL('./run-worker-thread.js', import.meta.url), {
      workerData, transferList: [port2], resourceLimits: { maxOldGenerationSizeMb: 128, maxYoungGenerationSizeMb: 32 },
    });
    this.port.on('message', (m: FromWorker) => {
      const w = this.waiting.get(m.id);
      this.waiting.delete(m.id);
      if (!w) return;
      if (m.kind === 'failed') w.reject(new Error(m.error));
      else w.resolve(m);
    });
    this.worker.on('error', (e: Error) => this.stop(e));
    this.worker.on('exit', (code) => this.stop(new Error(`the run worker exited (code ${code})`)));
  }

  /** Whether it runs: until it has started (~50 ms), and after it stopped, a run goes without it. */
  get ready(): boolean {
    return Atomics.load(this.started, 0) === 1 && this.stopped === null;
  }

  /** The worker's failure (not of a statement: of the thread), which `stale`-free retries go around. */
  get failure(): Error | null {
    return this.stopped;
  }

  /**
   * Claims and reads a batch (mostly read ahead already); its rows back as the queries' objects.
   * Its open invoices may be left to this thread (`invoices: null`; run-worker-thread.js,
   * shareInvoices), to read on its own connection before planning it.
   */
  async claim(today: LocalDate, limit: number, after: ClaimCursor | null): Promise<Claimed> {
    const m = await this.ask((id) => ({ kind: 'claim', id, today, limit, after }));
    if (m.kind !== 'claimed') throw new Error(`the run worker answered a claim with ${m.kind}`);
    const t = m.batch;
    const rows: WorkerRows = {
      accounts: objects(t.accounts), contacts: objects(t.contacts), invoices: t.invoices && { grouped: true, rows: objects(t.invoices) }, disputes: objects(t.disputes), sent: objects(t.sent),
    };
    return { token: m.token, batch: { cases: objects(t.cases), rows } };
  }

  /** Writes a claimed batch in its own transaction; `stale` when its rows changed since read. */
  async write(token: number, statements: readonly Statement[]): Promise<'done' | 'stale'> {
    const m = await this.ask((id) => ({ kind: 'write', id, token, statements }));
    if (m.kind !== 'written') throw new Error(`the run worker answered a write with ${m.kind}`);
    return m.outcome;
  }

  /** Gives a claimed batch back unwritten (it had nothing to write, or its planning failed). */
  release(token: number): void {
    if (this.stopped === null) this.port.postMessage({ kind: 'release', token } satisfies ToWorker);
  }

  /**
   * Stops the worker without waiting for its thread to end (~20 ms, measured on a run of 1,000
   * cases, most of such a run's cost of the worker): every write it was given is answered by
   * then, and what it may still do (read ahead, checkpoint) needs no end.
   */
  close(): void {
    this.stop(new Error('the run worker was closed'));
    this.port.close();
    this.worker.unref();
    this.worker.terminate().catch(() => undefined);
  }

  private ask(message: (id: number) => ToWorker): Promise<FromWorker> {
    if (this.stopped) return Promise.reject(this.stopped);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.port.postMessage(message(id));
    });
  }

  private stop(error: Error): void {
    this.stopped ??= error;
    for (const w of this.waiting.values()) w.reject(this.stopped);
    this.waiting.clear();
  }
}

/** Rows as objects again, as the query builder gives them (this thread has time to spare while the worker reads and writes). */
function objects<T>(t: TableRows): T[] {
  const out = new Array<T>(t.values.length);
  const n = t.columns.length;
  for (let r = 0; r < t.values.length; r++) {
    const values = t.values[r] as readonly unknown[];
    const row: Record<string, unknown> = {};
    for (let c = 0; c < n; c++) row[t.columns[c] as string] = values[c];
    out[r] = row as T;
  }
  return out;
}
