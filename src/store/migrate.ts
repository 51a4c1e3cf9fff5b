import type { Kysely } from 'kysely';
import { Migrator, type Migration, type MigrationProvider } from 'kysely/migration';
import { DunwiseError, ErrorCode } from '../core/errors.ts';
import type { StoreDialect } from './dialect.ts';
import * as ledger from './migrations/0001-ledger.ts';
import * as cadence from './migrations/0002-cadence.ts';
import * as cash from './migrations/0003-cash.ts';
import * as inbound from './migrations/0004-inbound.ts';
import * as cardRetries from './migrations/0005-card-retries.ts';
import * as touchDecisions from './migrations/0006-touch-decisions.ts';
import * as touchLineKeys from './migrations/0007-touch-line-keys.ts';
import * as claimOrder from './migrations/0008-claim-order.ts';
import * as touchLines from './migrations/0009-touch-lines.ts';
import * as compactLines from './migrations/0010-compact-lines.ts';

type Step = { readonly name: string; up(db: Kysely<unknown>, dialect: StoreDialect): Promise<void> };

/** Every schema version this build knows, in order. Names never change once released. */
const steps: readonly Step[] = [
  { name: '0001-ledger', up: ledger.up },
  { name: '0002-cadence', up: cadence.up },
  { name: '0003-cash', up: cash.up },
  { name: '0004-inbound', up: inbound.up },
  { name: '0005-card-retries', up: cardRetries.up },
  { name: '0006-touch-decisions', up: touchDecisions.up },
  { name: '0007-touch-line-keys', up: touchLineKeys.up },
  { name: '0008-claim-order', up: claimOrder.up },
  { name: '0009-touch-lines', up: touchLines.up },
  { name: '0010-compact-lines', up: compactLines.up },
];

/** Every schema version this build knows, oldest first. */
export const knownSchemas: readonly string[] = steps.map((s) => s.name);

/** The newest schema version this build knows. */
export const latestSchema = steps[steps.length - 1]?.name ?? '';

/**
 * Brings the schema up to date (or up to `upTo`, for tests of a migration). A database written by a newer Dunwise (a migration this
 * build does not know) is refused rather than guessed at.
 */
export async function migrate(db: Kysely<unknown>, dialect: StoreDialect, where: string, upTo: string = latestSchema): Promise<void> {
  const provider: MigrationProvider = {
    getMigrations: () =>
      Promise.resolve(
        Object.fromEntries(
          steps.map((s): [string, Migration] => [s.name, { up: (k) => s.up(k, dialect) }]),
        ),
      ),
  };
  const migrator = new Migrator({ db, provider });
  const known = new Set(steps.map((s) => s.name));
  const executedNames = await executedMigrations(db);
  const unknown = executedNames.filter((n) => !known.has(n));
  if (unknown.length > 0) {
    throw new DunwiseError(
      ErrorCode.schemaTooNew,
      `The store at ${where} has schema ${unknown[unknown.length - 1]}, newer than this Dunwise knows (${latestSchema}). Upgrade Dunwise to use it.`,
      { unknown },
    );
  }
  if (!known.has(upTo)) throw new Error(`unknown schema ${upTo}`);
  const wanted = steps.slice(0, steps.findIndex((s) => s.name === upTo) + 1);
  if (wanted.every((s) => executedNames.includes(s.name))) return;
  const { error } = await migrator.migrateTo(upTo);
  if (error) throw error instanceof Error ? error : new Error(`migration failed: ${JSON.stringify(error)}`);
}

async function executedMigrations(db: Kysely<unknown>): Promise<string[]> {
  const tables = await db.introspection.getTables({ withInternalKyselyTables: true });
  if (!tables.some((t) => t.name === 'kysely_migration')) return [];
  const rows = await (db as Kysely<{ kysely_migration: { name: string } }>)
    .selectFrom('kysely_migration')
    .select('name')
    .execute();
  return rows.map((r) => r.name);
}
