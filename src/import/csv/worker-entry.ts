// Runs one CSV reader in a worker thread, so parsing a large file uses the second core while
// the main thread writes to the store. Items go out in batches; the worker waits for acks
// once `maxInFlight` batches are unconsumed, so memory stays flat however large the file.
import { createReadStream } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { fingerprint } from '../../engine/fingerprint.ts';
import type { CsvImportOptions, CsvItem } from './options.ts';
import { readInvoiceBatches } from './read-invoices.ts';
import { readPaymentCsv } from './read-payments.ts';
import { invoiceWire, paymentWire, type RecordWire, type WireRecord } from './record-wire.ts';
import type { TableSkip } from './table.ts';

export type WorkerRequest = { kind: 'invoices' | 'payments'; path: string; options: Omit<CsvImportOptions, 'onProgress' | 'onSkip'> };
/** Records travel as arrays (record-wire.ts), problems as they are. */
export type WireItem = WireRecord | Extract<CsvItem<unknown>, { kind: 'problem' }>;
export type WorkerMessage =
  | { type: 'items'; items: WireItem[]; bytes: number }
  | { type: 'skip'; line: number; reason: string }
  | { type: 'done' }
  | { type: 'error'; message: string; code: string | null; details: Record<string, unknown> | null };

const batchSize = 1000;
const maxInFlight = 4;
const port = parentPort;
const request = workerData as WorkerRequest;
let inFlight = 0;
let release: (() => void) | null = null;
port?.on('message', () => {
  inFlight -= 1;
  release?.();
  release = null;
});

async function run(): Promise<void> {
  if (!port) return;
  let bytes = 0;
  const options: CsvImportOptions = {
    ...request.options,
    onProgress: (b) => { bytes = b; },
    onSkip: (line, reason) => port.postMessage({ type: 'skip', line, reason } satisfies WorkerMessage),
  };
  const input = createReadStream(request.path);
  const source: AsyncIterable<(CsvItem<unknown> | TableSkip)[]> = request.kind === 'invoices' ? readInvoiceBatches(input, options) : inBatches(readPaymentCsv(input, options));
  const wire = (request.kind === 'invoices' ? invoiceWire : paymentWire) as RecordWire<unknown>;
  let batch: WireItem[] = [];
  const send = async (): Promise<void> => {
    port.postMessage({ type: 'items', items: batch, bytes } satisfies WorkerMessage);
    batch = [];
    inFlight += 1;
    while (inFlight >= maxInFlight) await new Promise<void>((resolve) => (release = resolve));
  };
  for await (const items of source) {
    for (const item of items) {
      if (item.kind === 'skip') {
        options.onSkip?.(item.line, item.reason);
        continue;
      }
      // The fingerprint is hashed here, on the parser's core, not on the thread that writes.
      batch.push(item.kind === 'record' ? wire.encode(item.line, fingerprint(item.record as object), item.record) : item);
      if (batch.length >= batchSize) await send();
    }
  }
  if (batch.length > 0) await send();
  port.postMessage({ type: 'done' } satisfies WorkerMessage);
}

async function* inBatches<T>(items: AsyncIterable<T>): AsyncGenerator<T[]> {
  for await (const item of items) yield [item];
}

run().catch((error: unknown) => {
  const e = error as { message?: string; code?: string; details?: Record<string, unknown> };
  port?.postMessage({ type: 'error', message: e.message ?? String(error), code: typeof e.code === 'string' ? e.code : null, details: e.details ?? null } satisfies WorkerMessage);
});
