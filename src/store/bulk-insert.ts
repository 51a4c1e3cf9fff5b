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
  for (const statement of insertStatements(db.getExecutor().adapter instanceof PostgresAdapter, table, columns, rows, returning)) {
    const result = await db.executeQuery<Record<string, unknown>>(CompiledQuery.raw(statement.sql, statement.parameters));
    for (const r of result.rows) out.push(r);
  }
  return out;
}

/** A statement ready to run: its text and its parameters. */
export type Statement = { readonly sql: string; readonly parameters: unknown[] };

/** The multi-row INSERTs insertRows runs (SQLite's run worker runs them on its own connection). */
export function insertStatements(postgres: boolean, table: string, columns: readonly string[], rows: readonly (readonly unknown[])[], returning: readonly string[] = []): Statement[] {
  const statements: Statement[] = [];
  for (let i = 0; i < rows.length; i += rowsPerStatement) {
    const slice = rows.slice(i, i + rowsPerStatement);
    const parameters: unknown[] = [];
    for (const row of slice) for (const value of row) parameters.push(value ?? null);
    statements.push({ sql: insertText(postgres, table, columns, slice.length, returning), parameters });
  }
  return statements;
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
/** A column and how its values travel to PostgreSQL; `json` is text that already is JSON (never null), stored as text. */
export type TypedColumn<T extends keyof Database> = readonly [name: keyof Database[T] & string, pgType: 'int' | 'bigint' | 'text' | 'boolean' | 'json'];

/** A value insertColumns can send in an array. */
export type Cell = string | number | bigint | boolean | null | undefined;

/** Rows per statement on PostgreSQL when each column is one array parameter. */
const rowsPerArrayStatement = 5000;

/**
 * Like insertRows, but on PostgreSQL each column travels as one parameter and the rows come
 * from `rows from (...)`: one short statement of a few parameters per 5,000 rows instead of ten
 * statements of 3,000 placeholders each for the server to parse and bind (measured on the
 * cadence run's 79,200 touch lines: 0.67 s against 0.89 s; docs/BENCHMARKS.md). Numbers go as
 * array literals, text as one JSON array, `json` columns (text that already is JSON) joined
 * into one JSON array as they are. A text column whose values repeat (a step, a reason) goes as
 * its distinct values and one small number per row, looked up by the server: measured on
 * 99,000 touch lines, 0.58 s against 0.98 s, and 0.08 s of this process's CPU against 0.3 s.
 * On SQLite it is insertRows.
 */
export async function insertColumns<T extends keyof Database>(
  db: Db,
  table: T,
  columns: readonly TypedColumn<T>[],
  rows: readonly (readonly Cell[])[],
  returning: readonly (keyof Database[T] & string)[] = [],
): Promise<Record<string, unknown>[]> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return insertRows(db, table, columns.map(([name]) => name), rows, returning);
  const quoted = (name: string): string => `"${name}"`;
  const out: Record<string, unknown>[] = [];
  for (let i = 0; i < rows.length; i += rowsPerArrayStatement) {
    const slab = rows.slice(i, i + rowsPerArrayStatement);
    const params: string[] = [];
    const unnested: string[] = [];
    const selected: string[] = [];
    columns.forEach(([, type], c) => {
      const slice = slab.map((row) => row[c]);
      const dict = type === 'text' ? dictionary(slice) : null;
      if (dict) {
        params.push(arrayLiteral(dict.codes, 'int'), arrayLiteral(dict.distinct, 'text'));
        unnested.push(`unnest($${params.length - 1}::int[])`);
        selected.push(`($${params.length}::text[])[u.c${c}]`);
      } else if (type === 'json') {
        // Already JSON: the array is joined as it is, not escaped a second time.
        params.push(`[${slice.map((v) => { if (typeof v !== 'string') throw new Error(`insertColumns(${table}): a json value must be JSON text`); return v; }).join(',')}]`);
        unnested.push(`json_array_elements($${params.length}::json)`);
        selected.push(`u.c${c}::text`);
      } else if (type === 'text') {
        // Other text as one JSON array: escaped by the runtime's JSON.stringify and read by the
        // server's JSON parser. As an array literal, quotes and backslashes are escaped here, one
        // by one: for the 14 MB of JSON touch lines of a run, 0.25-0.65 s of this process's CPU
        // against 0.11-0.22 s, and 0.4-0.85 s against 0.27-0.37 s wall (scratch measurement).
        params.push(JSON.stringify(slice.map((v) => (v === null || v === undefined ? null : String(v)))));
        unnested.push(`json_array_elements_text($${params.length}::json)`);
        selected.push(`u.c${c}`);
      } else {
        params.push(arrayLiteral(slice, type));
        unnested.push(`unnest($${params.length}::${type}[])`);
        selected.push(`u.c${c}`);
      }
    });
    const text = `insert into ${quoted(table)} (${columns.map(([name]) => quoted(name)).join(', ')}) select ${selected.join(', ')} from rows from (${unnested.join(', ')}) as u(${columns.map((_, c) => `c${c}`).join(', ')})${returning.length > 0 ? ` returning ${returning.map(quoted).join(', ')}` : ''}`;
    const result = await db.executeQuery<Record<string, unknown>>(CompiledQuery.raw(text, params));
    for (const r of result.rows) out.push(r);
  }
  return out;
}

/** At most this many distinct values are looked up by position (each lookup walks the array). */
const maxDistinct = 256;

/**
 * A text column as 1-based positions into its distinct values (null stays null), when it has
 * few enough distinct values that this is shorter; otherwise null.
 */
export function dictionary(values: readonly Cell[]): { codes: (number | null)[]; distinct: string[] } | null {
  const positions = new Map<string, number>();
  const distinct: string[] = [];
  const codes: (number | null)[] = [];
  for (const v of values) {
    if (v === null || v === undefined) {
      codes.push(null);
      continue;
    }
    const s = typeof v === 'string' ? v : String(v);
    let at = positions.get(s);
    if (at === undefined) {
      if (distinct.length === maxDistinct || distinct.length * 2 >= values.length) return null;
      distinct.push(s);
      at = distinct.length;
      positions.set(s, at);
    }
    codes.push(at);
  }
  return { codes, distinct };
}

const needsEscape = /["\\]/;
const escaped = /["\\]/g;

/**
 * A PostgreSQL array literal (`{1,NULL,3}`, `{"a","say \\"hi\\""}`) built here in one pass: the
 * driver's generic conversion escaped every element with two regular expressions, an eighth
 * of the cadence run's CPU on PostgreSQL (profiled). Text elements are always quoted, so
 * `NULL`, braces, commas and spaces inside a value stay text.
 */
export function arrayLiteral(values: readonly Cell[], type: TypedColumn<keyof Database>[1]): string {
  const parts: string[] = new Array<string>(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null || v === undefined) parts[i] = 'NULL';
    else if (type === 'text') {
      const s = String(v);
      parts[i] = needsEscape.test(s) ? `"${s.replace(escaped, '\\$&')}"` : `"${s}"`;
    } else if (type === 'boolean') parts[i] = v === true ? 't' : v === false ? 'f' : String(v);
    else parts[i] = String(v);
  }
  return `{${parts.join(',')}}`;
}
