// Child process for the run crash and concurrency tests: runs the cadence engine once on the
// store given as JSON in argv[2], for the day argv[3], printing "batch N" after each batch.
import { runDunning } from '../../src/engine/run-dunning.ts';
import { openStore, type StoreLocation } from '../../src/store/open-store.ts';
import type { LocalDate } from '../../src/core/local-date.ts';
import { planning, stores } from './cadence.ts';

const location = JSON.parse(process.argv[2] ?? '{}') as StoreLocation;
const today = (process.argv[3] ?? '2026-03-16') as LocalDate;
const batchSize = Number(process.argv[4] ?? '100');
const store = await openStore(location);
let batches = 0;
const report = await runDunning(stores(store).cadence, today, {
  ...planning(),
  batchSize,
  onProgress: () => process.stdout.write(`batch ${++batches}\n`),
});
process.stdout.write(`done ${report.cases} ${report.touches}\n`);
await store.close();
