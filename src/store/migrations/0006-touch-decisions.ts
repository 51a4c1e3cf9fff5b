import type { Kysely } from 'kysely';

/**
 * A run's touch decision is stored on its touch line, with the steps a catch-up passed over
 * (a JSON list of `[step id, detail]`), instead of a decisions row each: a large run wrote ~3.4
 * decision rows per invoice, each with its own foreign-key checks and index entries (see
 * store/decision-rows.ts). Lines written before keep their decisions rows; both are read.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const column of ['reason', 'detail', 'passed_over']) await db.schema.alterTable('touch_invoices').addColumn(column, 'text').execute();
}
