// A ledger for the cadence crash tests: `count` invoices over count/10 customers with contacts,
// due dates spread so that every step of the ladder is due for some of them on the test day.
import { importInvoices } from '../../src/engine/import-invoices.ts';
import type { ImportItem } from '../../src/engine/import-report.ts';
import type { InvoiceRecord } from '../../src/core/ledger.ts';
import { addDays } from '../../src/core/local-date.ts';
import type { StoreHandle } from '../../src/store/open-store.ts';
import { stores } from './cadence.ts';
import { day, inv } from './records.ts';

export async function seedCadenceLedger(store: StoreHandle, count: number): Promise<void> {
  const accounts = Math.max(1, Math.floor(count / 10));
  function* records(): Generator<ImportItem<InvoiceRecord>> {
    for (let i = 0; i < count; i++) {
      const a = i % accounts;
      const due = addDays(day('2026-03-16'), 3 - (i % 60));
      yield { kind: 'record', where: `row ${i}`, record: inv(`R-${i}`, { accountRef: `A-${a}`, accountName: `Customer ${a}`, buyerEmail: `ap@c${a}.example`, dueDate: due, issueDate: addDays(due, -30) }) };
    }
  }
  const report = await importInvoices(stores(store).ledger, { file: 'seed', fileHash: 'seed', items: records(), defaults: { timeZone: 'UTC', country: 'DE', locale: 'en' } });
  if (report.status !== 'imported') throw new Error(`seed failed: ${JSON.stringify(report.problems.slice(0, 3))}`);
}
