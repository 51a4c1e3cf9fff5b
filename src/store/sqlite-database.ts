import { DatabaseSync, type StatementSync, type SQLInputValue } from 'node:sqlite';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

/**
 * How every connection of Dunwise's to the store's file is set up, in this order: this module's
 * and the run worker's (run-worker-thread.js runs the same list; it imports no TypeScript).
 */
export const connectionPragmas: readonly string[] = [
  // First: a connection that is closing (another process's, or a run worker's still ending)
  // holds the file for a moment, and a pragma without a busy handler then fails at once with
  // "database is locked" (seen when a run worker outlived its run's connection: it then
  // checkpoints and removes the log on closing).
  'PRAGMA busy_timeout = 10000',
  // WAL with synchronous=NORMAL: a committed transaction survives the process being killed
  // (kill -9); only an OS crash or power loss may lose the last commits.
  'PRAGMA journal_mode = WAL',
  'PRAGMA synchronous = NORMAL',
  'PRAGMA foreign_keys = ON',
];

/** A connection to the store's file, set up as every one of Dunwise's is (connectionPragmas). */
export function openConnection(path: string): DatabaseSync {
  const db = new DatabaseSync(path);
  for (const pragma of connectionPragmas) db.exec(pragma);
  return db;
}

/**
 * Presents Node's built-in `node:sqlite` as the better-sqlite3-shaped database Kysely's
 * SqliteDialect expects. Prepared statements are cached by SQL text, so the repeated batch
 * inserts of an import are compiled by SQLite once.
 */
export function nodeSqliteDatabase(path: string): SqliteDatabase & { raw: DatabaseSync } {
  const db = openConnection(path);
  const cache = new Map<string, SqliteStatement>();

  function prepare(sql: string): SqliteStatement {
    const hit = cache.get(sql);
    if (hit) return hit;
    // Kysely opens transactions with a plain BEGIN, which takes the write lock only at the
    // first write: two processes could then both read and one fail with SQLITE_BUSY. BEGIN
    // IMMEDIATE takes it at once, so a second writer waits (busy_timeout) and then sees the
    // first one's commit: several `dunwise run` processes on one file stay correct.
    const stmt = db.prepare(sql.trim().toLowerCase() === 'begin' ? 'begin immediate' : sql);
    const wrapped = wrap(stmt);
    if (cache.size >= 256) cache.delete(cache.keys().next().value as string);
    cache.set(sql, wrapped);
    return wrapped;
  }

  return { raw: db, prepare, close: () => db.close() };
}

function wrap(stmt: StatementSync): SqliteStatement {
  const reader = stmt.columns().length > 0;
  return {
    reader,
    all: (params) => stmt.all(...toSqlite(params)),
    run: (params) => stmt.run(...toSqlite(params)),
    iterate: (params) => stmt.iterate(...toSqlite(params)),
  };
}

function toSqlite(params: ReadonlyArray<unknown>): SQLInputValue[] {
  // A bulk insert binds thousands of values that need no conversion: no copy of them then.
  if (bindable(params)) return params as SQLInputValue[];
  return params.map((p): SQLInputValue => {
    if (p === undefined || p === null) return null;
    if (typeof p === 'boolean') return p ? 1 : 0;
    if (p instanceof Date) return p.toISOString();
    return p as SQLInputValue;
  });
}

function bindable(params: ReadonlyArray<unknown>): boolean {
  for (let i = 0; i < params.length; i++) {
    const p = params[i];
    if (p === undefined || typeof p === 'boolean' || (typeof p === 'object' && p !== null)) return false;
  }
  return true;
}
