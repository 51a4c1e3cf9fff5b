// The cash import's floor: what any import of these files must do at least. Parse every file
// (the same parser the import uses), then store one bank_lines row per line with the raw driver:
// multi-row INSERTs in one transaction, no matching, no payments, no query builder.
// The rows are removed again (untimed), so the import that follows starts from the same store.
import { readFileSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import pg from 'pg';
import { parseStatementFile } from '../src/cash/parse-statement.ts';
import type { Transaction } from '../src/cash/statement.ts';

const columns = ['entry_id', 'file', 'file_hash', 'statement_account', 'booking_date', 'value_date', 'amount_minor', 'currency', 'counterparty_name', 'counterparty_iban', 'reference', 'remittance', 'end_to_end_id', 'bank_reference', 'status', 'reason', 'written_off_minor', 'created_at', 'updated_at'];
const perStatement = 500;

type Row = { file: string; account: string; t: Transaction };

/** Parses the files as the import does; returns the seconds and every line. */
export function parseFloor(files: readonly string[]): { seconds: number; rows: Row[] } {
  const started = performance.now();
  const rows: Row[] = [];
  for (const file of files) {
    const parsed = parseStatementFile(readFileSync(file), file);
    if (!parsed.ok) throw new Error(`${parsed.error.where}: ${parsed.error.message}`);
    for (const s of parsed.statements) for (const t of s.transactions) rows.push({ file, account: s.account, t });
  }
  return { seconds: (performance.now() - started) / 1000, rows };
}

function params(r: Row, at: string): (string | bigint | null)[] {
  const t = r.t;
  return [`floor:${t.entryId}`, r.file, 'floor', r.account, t.bookingDate, t.valueDate, t.amount, t.currency, t.counterpartyName, t.counterpartyIban, t.reference, t.remittance, t.endToEndId, t.bankReference, 'unmatched', 'floor', 0n, at, at];
}

function insertSql(placeholder: (i: number) => string, rows: number): string {
  const tuples: string[] = [];
  for (let r = 0; r < rows; r++) tuples.push(`(${columns.map((_c, c) => placeholder(r * columns.length + c + 1)).join(',')})`);
  return `insert into bank_lines (${columns.join(',')}) values ${tuples.join(',')}`;
}

/** Inserts the rows into a migrated SQLite store file in one transaction; returns seconds. */
export function sqliteLineFloor(file: string, rows: readonly Row[]): number {
  const db = new DatabaseSync(file);
  db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON');
  const at = new Date().toISOString();
  const started = performance.now();
  db.exec('BEGIN');
  const full = db.prepare(insertSql(() => '?', perStatement));
  for (let i = 0; i < rows.length; i += perStatement) {
    const slice = rows.slice(i, i + perStatement);
    const stmt = slice.length === perStatement ? full : db.prepare(insertSql(() => '?', slice.length));
    stmt.run(...slice.flatMap((r) => params(r, at)));
  }
  db.exec('COMMIT');
  const seconds = (performance.now() - started) / 1000;
  db.exec("delete from bank_lines where file_hash = 'floor'");
  db.close();
  return seconds;
}

/** The same on PostgreSQL (one connection, one transaction); returns seconds. */
export async function postgresLineFloor(url: string, rows: readonly Row[]): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const at = new Date().toISOString();
  const started = performance.now();
  await client.query('BEGIN');
  for (let i = 0; i < rows.length; i += perStatement) {
    const slice = rows.slice(i, i + perStatement);
    await client.query(insertSql((p) => `$${p}`, slice.length), slice.flatMap((r) => params(r, at)));
  }
  await client.query('COMMIT');
  const seconds = (performance.now() - started) / 1000;
  await client.query("delete from bank_lines where file_hash = 'floor'");
  await client.end();
  return seconds;
}
