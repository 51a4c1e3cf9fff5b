import type { Kysely } from 'kysely';

/**
 * Steps a catch-up run passed over are kept on the touch decision they gave way to (a JSON
 * list of `[step id, detail]`), not as a row each: a run after a gap wrote ~3.4 decision rows
 * per invoice, each with its own foreign-key checks and index entries.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('decisions').addColumn('passed_over', 'text').execute();
}
