// Child process for the crash tests: imports `count` generated invoices into the store given
// as JSON in argv[2], printing "progress N" as it reads; the parent kills it with SIGKILL.
import { fixedClock } from '../../src/core/clock.ts';
import { importInvoices } from '../../src/engine/import-invoices.ts';
import type { ImportItem } from '../../src/engine/import-report.ts';
import type { InvoiceRecord } from '../../src/core/ledger.ts';
import { ledgerStore } from '../../src/store/ledger-store.ts';
import { openStore, type StoreLocation } from '../../src/store/open-store.ts';
import { inv } from './records.ts';

const location = JSON.parse(process.argv[2] ?? '{}') as StoreLocation;
const file = process.argv[3] ?? 'crash.csv';
const count = Number(process.argv[4] ?? '20000');
const store = await openStore(location);

async function* generate(): AsyncGenerator<ImportItem<InvoiceRecord>> {
  for (let i = 0; i < count; i++) {
    if (i % 1000 === 0) process.stdout.write(`progress ${i}\n`);
    yield { kind: 'record', where: `line ${i + 2}`, record: inv(`${file}-${i}`, { accountRef: `ACC-${i % 97}` }) };
  }
}

const report = await importInvoices(ledgerStore(store.db, fixedClock(new Date('2026-03-01T00:00:00Z'))), {
  file, fileHash: file, items: generate(), defaults: { timeZone: 'UTC', country: 'DE', locale: 'en' },
});
process.stdout.write(`done ${report.status} ${report.inserted}\n`);
await store.close();
