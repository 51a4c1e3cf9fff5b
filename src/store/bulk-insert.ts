import { CompiledQuery, PostgresAdapter, type Kysely, type Transaction } from 'kysely';
import type { Database } from './schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** Rows per statement: 500 rows of up to 40 columns stay below both stores' parameter limits. */
const rowsPerStatement = 500;
const texts = new Map<string, string>();

/**
 * Inserts many rows of one table with multi-row INSERTs whose SQL text is built once per
 * shape and cached. A query builder compiles every batch anew (for 500 rows of 17 columns that
 * is 8,500 value nodes parsed, visited and frozen, most of an import's time on SQLite); here
 * the text is reused and only the flat parameter list is new. Returns the `returning` columns
 * of the inserted rows, in insertion order, when asked.
 */
export async function insertRows<T extends keyof Database>(
  db: Db,
  table: T,
  columns: readonly (keyof Database[T] & string)[],
  rows: readonly (readonly unknown[])[],
  returning: readonly (keyof Database[T] & string)[] = [],
): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = [];
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  for (let i = 0; i < rows.length; i += rowsPerStatement) {
    const slice = rows.slice(i, i + rowsPerStatement);
    const params: unknown[] = [];
    for (const row of slice) for (const value of row) params.push(value ?? null);
    const text = insertText(postgres, table, columns, slice.length, returning);
    const result = await db.executeQuery<Record<string, unknown>>(CompiledQuery.raw(text, params));
    for (const r of result.rows) out.push(r);
  }
  return out;
}

function insertText(postgres: boolean, table: string, columns: readonly string[], rows: number, returning: readonly string[]): string {
  const key = `${postgres ? 'pg' : 'sqlite'}|${table}|${columns.join(',')}|${rows}|${returning.join(',')}`;
  const hit = texts.get(key);
  if (hit !== undefined) return hit;
  const tuples: string[] = [];
  let n = 0;
  for (let r = 0; r < rows; r++) tuples.push(`(${columns.map(() => (postgres ? `$${++n}` : '?')).join(',')})`);
  const quoted = (name: string): string => `"${name}"`;
  const text = `insert into ${quoted(table)} (${columns.map(quoted).join(', ')}) values ${tuples.join(', ')}${returning.length > 0 ? ` returning ${returning.map(quoted).join(', ')}` : ''}`;
  if (texts.size >= 64) texts.delete(texts.keys().next().value as string);
  texts.set(key, text);
  return text;
}

/** A column for insertColumns: its name and its PostgreSQL type (for the array parameter). */
export type TypedColumn<T extends keyof Database> = readonly [name: keyof Database[T] & string, pgType: 'int' | 'bigint' | 'text' | 'boolean'];

/** Rows per statement on PostgreSQL when each column is one array parameter. */
const rowsPerArrayStatement = 5000;

/**
 * Like insertRows, but on PostgreSQL each column travels as one array parameter and the rows
 * come from `unnest`: one short statement of a few parameters per 5,000 rows instead of ten
 * statements of 3,000 placeholders each for the server to parse and bind (measured on the
 * cadence run's 79,200 touch lines: 0.67 s against 0.89 s; docs/BENCHMARKS.md). On SQLite it is
 * insertRows.
 */
export async function insertColumns<T extends keyof Database>(
  db: Db,
  table: T,
  columns: readonly TypedColumn<T>[],
  rows: readonly (readonly unknown[])[],
  returning: readonly (keyof Database[T] & string)[] = [],
): Promise<Record<string, unknown>[]> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return insertRows(db, table, columns.map(([name]) => name), rows, returning);
  const quoted = (name: string): string => `"${name}"`;
  const text = `insert into ${quoted(table)} (${columns.map(([name]) => quoted(name)).join(', ')}) select * from unnest(${columns.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ')})${returning.length > 0 ? ` returning ${returning.map(quoted).join(', ')}` : ''}`;
  const out: Record<string, unknown>[] = [];
  for (let i = 0; i < rows.length; i += rowsPerArrayStatement) {
    const slice = rows.slice(i, i + rowsPerArrayStatement);
    const params = columns.map((_, c) => slice.map((row) => row[c] ?? null));
    const result = await db.executeQuery<Record<string, unknown>>(CompiledQuery.raw(text, params));
    for (const r of result.rows) out.push(r);
  }
  return out;
}
