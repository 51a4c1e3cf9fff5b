import { sql, type Kysely } from 'kysely';
import type { StoreDialect } from '../dialect.ts';

/**
 * On PostgreSQL, touch lines keep their keys (one line per touch and invoice, one step per
 * invoice once) but no longer check their touch and invoice by foreign key. Each check is a
 * trigger that locks the referenced row (FOR KEY SHARE): for a run's 79,200 lines that was
 * 1.5 s of the 1.8 s the server spends on them, most of it rewriting the headers of 79,200
 * invoice rows (measured: docs/BENCHMARKS.md). A line is written only in the transaction that
 * inserts its touch and reads its open invoice, and Dunwise never deletes a touch or an
 * invoice (a store test checks every line's touch and invoice after runs). SQLite keeps its
 * checks: there they cost little and changing them would mean rebuilding the table.
 */
export async function up(db: Kysely<unknown>, dialect: StoreDialect): Promise<void> {
  if (dialect !== 'postgres') return;
  await sql`alter table touch_invoices drop constraint if exists touch_invoices_touch_id_fkey`.execute(db);
  await sql`alter table touch_invoices drop constraint if exists touch_invoices_invoice_id_fkey`.execute(db);
}
