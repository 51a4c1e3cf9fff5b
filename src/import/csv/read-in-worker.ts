import { Worker } from 'node:worker_threads';
import { DunwiseError, type ErrorCode } from '../../core/errors.ts';
import type { CsvImportOptions, CsvItem } from './options.ts';
import { invoiceWire, paymentWire, type RecordWire, type WireRecord } from './record-wire.ts';
import type { WireItem, WorkerMessage, WorkerRequest } from './worker-entry.ts';

/**
 * Reads a CSV file of invoices or payments in a worker thread and yields its items here, in
 * order. The same readers as readInvoiceCsv/readPaymentCsv, on the other core. `map`, when
 * given, turns each item into what the caller consumes (one async step per item, not two).
 */
export async function* readCsvInWorker<T, U = CsvItem<T>>(kind: 'invoices' | 'payments', path: string, options: CsvImportOptions, map?: (item: CsvItem<T>) => U): AsyncGenerator<U> {
  for await (const batch of readCsvBatchesInWorker(kind, path, options, map)) yield* batch;
}

/** `readCsvInWorker` in the batches the worker sends: one async step per batch, not per item. */
export async function* readCsvBatchesInWorker<T, U = CsvItem<T>>(kind: 'invoices' | 'payments', path: string, options: CsvImportOptions, map?: (item: CsvItem<T>) => U): AsyncGenerator<U[]> {
  const { onProgress, onSkip, ...plain } = options;
  // Small heap limits: the worker only streams rows, and big young generations would double RSS.
  const worker = new Worker(new URL('./worker-entry.ts', import.meta.url), {
    workerData: { kind, path, options: plain } satisfies WorkerRequest,
    resourceLimits: { maxOldGenerationSizeMb: 96, maxYoungGenerationSizeMb: 16 },
  });
  const wire = (kind === 'invoices' ? invoiceWire : paymentWire) as RecordWire<unknown>;
  const queue: WorkerMessage[] = [];
  let wake: (() => void) | null = null;
  let failure = null as Error | null;
  worker.on('message', (m: WorkerMessage) => {
    queue.push(m);
    wake?.();
  });
  worker.on('error', (error: Error) => {
    failure = error;
    wake?.();
  });
  try {
    for (;;) {
      if (queue.length === 0) {
        if (failure) throw failure;
        await new Promise<void>((resolve) => (wake = resolve));
        wake = null;
        continue;
      }
      const message = queue.shift() as WorkerMessage;
      switch (message.type) {
        case 'items':
          onProgress?.(message.bytes);
          yield message.items.map((w) => {
            const item = (isWire(w) ? wire.decode(w) : w) as CsvItem<T>;
            return map ? map(item) : (item as U);
          });
          worker.postMessage('ack');
          break;
        case 'skip':
          onSkip?.(message.line, message.reason);
          break;
        case 'error':
          throw message.code ? new DunwiseError(message.code as ErrorCode, message.message, message.details ?? {}) : new Error(message.message);
        case 'done':
          return;
      }
    }
  } finally {
    await worker.terminate();
  }
}

function isWire(item: WireItem): item is WireRecord {
  return Array.isArray(item);
}
