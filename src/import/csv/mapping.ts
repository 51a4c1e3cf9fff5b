import { z } from 'zod';
import { LineCounter, parseDocument, isNode } from 'yaml';
import type { InputProblem } from '../../core/ledger.ts';
import { invoiceFields, paymentFields, type CsvField } from './fields.ts';

export { invoiceFields, paymentFields } from './fields.ts';
export type { InvoiceField, PaymentField, CsvField } from './fields.ts';

const headerNames = z.union([z.string().trim().min(1), z.array(z.string().trim().min(1)).min(1)]);
const allFields = [...new Set<string>([...invoiceFields, ...paymentFields])];
const mappingSchema = z.strictObject(
  Object.fromEntries(allFields.map((f) => [f, headerNames.optional()])),
);

/** Field -> the header name(s) that fill it; with a list, the first present column wins. */
export type ColumnMapping = Readonly<Partial<Record<CsvField, string | readonly string[]>>>;

/** A mapping, or the problems that stopped it from being read. */
export type MappingResult =
  | { readonly kind: 'ok'; readonly mapping: ColumnMapping }
  | { readonly kind: 'error'; readonly problems: readonly InputProblem[] };

/**
 * Reads a mapping file (YAML, or JSON, which YAML 1.2 reads too) such as
 * `number: Invoice No` / `total: [Betrag, Summe]`; problems name the file, line and field.
 */
export function loadMapping(text: string, fileName: string): MappingResult {
  const read = readYamlObject(text, fileName, mappingSchema, allFields, describe);
  return read.kind === 'ok' ? { kind: 'ok', mapping: read.value } : read;
}

/** A YAML (or JSON) object read and checked, or the problems that stopped it, each with its line. */
export type YamlObjectResult<T> =
  | { readonly kind: 'ok'; readonly value: T }
  | { readonly kind: 'error'; readonly problems: readonly InputProblem[] };

/**
 * Reads a small YAML or JSON settings file and checks it against `schema`; each problem names
 * the file, the line and the top-level key. `describe(message, key)` words a schema complaint
 * about a key (`key` null: about the whole document); unknown keys list `knownKeys`.
 */
export function readYamlObject<T>(
  text: string,
  fileName: string,
  schema: z.ZodType<T>,
  knownKeys: readonly string[],
  describe: (message: string, key: string | null) => string,
): YamlObjectResult<T> {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  const lineAt = (offset: number | undefined): string =>
    offset === undefined ? 'line 1' : `line ${lines.linePos(offset).line}`;
  if (doc.errors.length > 0) {
    return {
      kind: 'error',
      problems: doc.errors.map((e) => problem(fileName, lineAt(e.pos[0]), null, e.message.split('\n')[0] ?? e.message)),
    };
  }
  const parsed = schema.safeParse(doc.toJS() ?? {});
  if (parsed.success) return { kind: 'ok', value: parsed.data };
  const problems = parsed.error.issues.flatMap((issue) => {
    const keys = issue.code === 'unrecognized_keys' ? issue.keys : [null];
    return keys.map((key) => {
      const path = key === null ? issue.path : [...issue.path, key];
      const node = path.length > 0 ? doc.getIn(path.map(String), true) : doc.contents;
      const keyNode = key === null ? undefined : findKeyOffset(doc.contents, key);
      const offset = keyNode ?? (isNode(node) ? node.range?.[0] : undefined);
      const field = path.length > 0 ? String(path[0]) : null;
      const reason = key === null ? describe(issue.message, field) : `unknown field "${key}"; known fields: ${knownKeys.join(', ')}`;
      return problem(fileName, lineAt(offset), field, reason);
    });
  });
  const lineNo = (p: InputProblem): number => Number(p.where.slice(5));
  return { kind: 'error', problems: problems.sort((a, b) => lineNo(a) - lineNo(b)) };
}

/** Reads `--map field=Header Name` flags; several headers may be given as `a|b`. */
export function parseMappingFlags(flags: readonly string[]): MappingResult {
  const read = parseColumnFlags(flags, allFields);
  return read.kind === 'ok' ? { kind: 'ok', mapping: read.value } : read;
}

/** Reads `--map field=Header` flags for any set of fields; problems name the flag. */
export function parseColumnFlags(flags: readonly string[], fields: readonly string[]): YamlObjectResult<Record<string, string | string[]>> {
  const entries: Record<string, string | string[]> = {};
  const problems: InputProblem[] = [];
  flags.forEach((flag, i) => {
    const at = flag.indexOf('=');
    const field = at === -1 ? flag.trim() : flag.slice(0, at).trim();
    const names = at === -1 ? [] : flag.slice(at + 1).split('|').map((s) => s.trim()).filter(Boolean);
    if (!fields.includes(field)) {
      problems.push(problem('--map', `flag ${i + 1}`, field || null, `unknown field "${field}" in "${flag}"; known fields: ${fields.join(', ')}`));
    } else if (names.length === 0) {
      problems.push(problem('--map', `flag ${i + 1}`, field, `"${flag}" names no column; write ${field}=Column Name`));
    } else {
      entries[field] = names.length === 1 ? (names[0] ?? '') : names;
    }
  });
  return problems.length > 0 ? { kind: 'error', problems } : { kind: 'ok', value: entries };
}

function findKeyOffset(contents: unknown, key: string): number | undefined {
  if (!contents || typeof contents !== 'object' || !('items' in contents)) return undefined;
  const items = (contents as { items: unknown[] }).items;
  for (const item of items) {
    const k = (item as { key?: unknown }).key;
    if (isNode(k) && String(k.toJSON()) === key) return k.range?.[0];
  }
  return undefined;
}

function describe(message: string, field: string | null): string {
  if (field === null) return 'a mapping must be an object of field: column name';
  return `${field} must be a column name or a list of column names (${message})`;
}

function problem(file: string, where: string, field: string | null, reason: string): InputProblem {
  return { file, where, field, reason };
}
