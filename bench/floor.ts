// The floor: the same rows inserted with the raw driver in one transaction, no parsing, no
// checks, no Kysely: multi-row INSERTs of prepared parameters, accounts first (foreign keys).
// The rows carry what the import stores: a 22-character content hash, the file as source, the
// import's id (their values are stand-ins: the floor computes nothing).
import { DatabaseSync } from 'node:sqlite';
import pg from 'pg';
import { sqliteBulkPragmas } from '../src/store/ledger-store.ts';
import { benchRow, type BenchRow } from './generate.ts';

const columns = ['account_id', 'number', 'kind', 'currency', 'total_minor', 'open_minor', 'issue_date', 'due_date', 'due_date_source', 'status', 'content_hash', 'source', 'import_id', 'created_at', 'updated_at'];
const perStatement = 500;

function invoiceParams(r: BenchRow, accountId: number, source: string, at: string): unknown[] {
  return [accountId, r.number, 'invoice', r.currency, r.totalMinor, r.openMinor, r.issueDate, r.dueDate, 'explicit', 'open', r.number.padEnd(22, '-'), source, 1, at, at];
}

function insertSql(placeholder: (i: number) => string, rows: number): string {
  const tuples: string[] = [];
  for (let r = 0; r < rows; r++) tuples.push(`(${columns.map((_c, c) => placeholder(r * columns.length + c + 1)).join(',')})`);
  return `insert into invoices (${columns.join(',')}) values ${tuples.join(',')}`;
}

/** Inserts `rows` invoices (and their accounts) into a migrated SQLite store file; returns seconds. */
export function sqliteFloor(file: string, source: string, rows: number, accounts: number): number {
  const db = new DatabaseSync(file);
  db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON');
  // The settings the import's transaction runs with (store/ledger-store.ts), so the floor is
  // the store's best raw insert, not a slower one.
  for (const pragma of sqliteBulkPragmas) db.exec(pragma);
  const at = new Date().toISOString();
  const started = performance.now();
  db.exec('BEGIN');
  const acc = db.prepare('insert into accounts (ref, name, currency, locale, time_zone, country, segment, created_at) values (?, ?, ?, ?, ?, ?, ?, ?) returning id');
  const ids: number[] = [];
  for (let a = 0; a < accounts; a++) {
    const r = benchRow(a, accounts);
    ids.push(Number((acc.get(r.accountRef, r.accountName, r.currency, 'en', 'UTC', 'US', 'standard', at) as { id: number }).id));
  }
  const full = db.prepare(insertSql(() => '?', perStatement));
  for (let i = 0; i < rows; i += perStatement) {
    const n = Math.min(perStatement, rows - i);
    const params: unknown[] = [];
    for (let k = 0; k < n; k++) params.push(...invoiceParams(benchRow(i + k, accounts), ids[(i + k) % accounts] as number, source, at));
    const stmt = n === perStatement ? full : db.prepare(insertSql(() => '?', n));
    stmt.run(...(params as (string | number | bigint)[]));
  }
  db.exec('COMMIT');
  const seconds = (performance.now() - started) / 1000;
  db.close();
  return seconds;
}

/** The same on PostgreSQL (one connection, one transaction); returns seconds. */
export async function postgresFloor(url: string, source: string, rows: number, accounts: number): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const at = new Date().toISOString();
  const started = performance.now();
  await client.query('BEGIN');
  const ids: number[] = [];
  for (let a = 0; a < accounts; a += perStatement) {
    const n = Math.min(perStatement, accounts - a);
    const params: unknown[] = [];
    const tuples: string[] = [];
    for (let k = 0; k < n; k++) {
      const r = benchRow(a + k, accounts);
      const base = k * 8;
      tuples.push(`($${base + 1},$${base + 2},$${base + 3},$${base + 4},$${base + 5},$${base + 6},$${base + 7},$${base + 8})`);
      params.push(r.accountRef, r.accountName, r.currency, 'en', 'UTC', 'US', 'standard', at);
    }
    const res = await client.query<{ id: number }>(`insert into accounts (ref, name, currency, locale, time_zone, country, segment, created_at) values ${tuples.join(',')} returning id`, params);
    ids.push(...res.rows.map((x) => Number(x.id)));
  }
  for (let i = 0; i < rows; i += perStatement) {
    const n = Math.min(perStatement, rows - i);
    const params: unknown[] = [];
    for (let k = 0; k < n; k++) params.push(...invoiceParams(benchRow(i + k, accounts), ids[(i + k) % accounts] as number, source, at));
    await client.query(insertSql((p) => `$${p}`, n), params);
  }
  await client.query('COMMIT');
  const seconds = (performance.now() - started) / 1000;
  await client.end();
  return seconds;
}
