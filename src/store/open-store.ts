import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { StoreDialect } from './dialect.ts';
import { migrate } from './migrate.ts';
import type { Database } from './schema.ts';
import { nodeSqliteDatabase } from './sqlite-database.ts';

/** An open store: the query layer, which dialect it speaks, and where it lives. */
export type StoreHandle = {
  readonly db: Kysely<Database>;
  readonly dialect: StoreDialect;
  readonly location: string;
  close(): Promise<void>;
};

export type StoreLocation =
  | { readonly kind: 'sqlite'; readonly dataDir: string }
  | { readonly kind: 'postgres'; readonly url: string };

/**
 * Opens the embedded SQLite store or a PostgreSQL server, and migrates it to the latest schema
 * (`schema` stops at an earlier one: for tests of a migration).
 */
export async function openStore(location: StoreLocation, options: { readonly schema?: string } = {}): Promise<StoreHandle> {
  const handle = location.kind === 'sqlite' ? openSqlite(location.dataDir) : openPostgres(location.url);
  try {
    await migrate(handle.db as Kysely<unknown>, handle.dialect, handle.location, options.schema);
  } catch (error) {
    await handle.close();
    throw error;
  }
  return handle;
}

function openSqlite(dataDir: string): StoreHandle {
  const dir = resolve(dataDir);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'dunwise.sqlite');
  const database = nodeSqliteDatabase(file);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
  return { db, dialect: 'sqlite', location: file, close: () => db.destroy() };
}

function openPostgres(url: string): StoreHandle {
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  // An idle connection that the server closes (a restart, an administrator, a dropped test
  // database) is removed by the pool; without a listener its error would end the process.
  pool.on('error', () => undefined);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: 'postgres', location: redact(url), close: () => db.destroy() };
}

/** A database URL without its password, for messages. */
export function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'the configured DATABASE_URL';
  }
}
