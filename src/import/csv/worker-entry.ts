// Runs one CSV reader in a worker thread, so parsing a large file uses the second core while
// the main thread writes to the store. Items go out in batches; the worker waits for acks
// once `maxInFlight` batches are unconsumed, so memory stays flat however large the file.
import { createReadStream } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { fingerprint } from '../../engine/fingerprint.ts';
import type { CsvImportOptions, CsvItem } from './options.ts';
import { readInvoiceCsv } from './read-invoices.ts';
import { readPaymentCsv } from './read-payments.ts';

export type WorkerRequest = { kind: 'invoices' | 'payments'; path: string; options: Omit<CsvImportOptions, 'onProgress' | 'onSkip'> };
export type WorkerMessage =
  | { type: 'items'; items: CsvItem<unknown>[]; bytes: number }
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
  const source: AsyncIterable<CsvItem<unknown>> = request.kind === 'invoices' ? readInvoiceCsv(input, options) : readPaymentCsv(input, options);
  let batch: CsvItem<unknown>[] = [];
  const send = async (): Promise<void> => {
    port.postMessage({ type: 'items', items: batch, bytes } satisfies WorkerMessage);
    batch = [];
    inFlight += 1;
    while (inFlight >= maxInFlight) await new Promise<void>((resolve) => (release = resolve));
  };
  for await (const item of source) {
    // The fingerprint is hashed here, on the parser's core, not on the thread that writes.
    batch.push(item.kind === 'record' ? { ...item, fingerprint: fingerprint(item.record as object) } : item);
    if (batch.length >= batchSize) await send();
  }
  if (batch.length > 0) await send();
  port.postMessage({ type: 'done' } satisfies WorkerMessage);
}

run().catch((error: unknown) => {
  const e = error as { message?: string; code?: string; details?: Record<string, unknown> };
  port?.postMessage({ type: 'error', message: e.message ?? String(error), code: typeof e.code === 'string' ? e.code : null, details: e.details ?? null } satisfies WorkerMessage);
});
