import type { ColumnMapping, CsvField } from './mapping.ts';
import { presetSynonyms, type PresetName } from './presets.ts';

/** Where each field's column sits in a row (0-based), for the fields the header has. */
export type ColumnIndex<F extends string> = ReadonlyMap<F, number>;

/** Header names compare without case, spaces, underscores, dots, dashes, '#' or ':'. */
export function headerKey(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/[\s_.\-#:'’°]/g, '');
}

/** Why a header could not serve: a mapped column is absent, or columns repeat. */
export type ColumnIssue = { readonly field: string; readonly reason: string };

/** The column names a field may have, whether a person named them, and whether all present columns are joined. */
export type ColumnWish = { readonly names: readonly string[]; readonly explicit: boolean; readonly joinAll?: boolean };

/** A header resolved: the (first) column of each field, and the further columns of joined fields. */
export type ResolvedHeader<F extends string> = {
  index: ColumnIndex<F>;
  /** For fields whose wish says `joinAll`: every present column after the first, in the order wished. */
  joined: ReadonlyMap<F, readonly number[]>;
  issues: ColumnIssue[];
};

/**
 * Finds the column of each field from the names `wish` gives it, tried in order; an explicit
 * name that the header lacks is an issue, and so is a name the header has twice.
 */
export function resolveHeader<F extends string>(
  header: readonly string[],
  fields: readonly F[],
  wish: (field: F) => ColumnWish,
): ResolvedHeader<F> {
  const positions = new Map<string, number>();
  const repeated = new Set<string>();
  const issues: ColumnIssue[] = [];
  header.forEach((name, i) => {
    const key = headerKey(name);
    if (key === '') return;
    if (positions.has(key)) repeated.add(key);
    else positions.set(key, i);
  });
  const index = new Map<F, number>();
  const joined = new Map<F, number[]>();
  for (const field of fields) {
    const { names, explicit, joinAll } = wish(field);
    const present = [...new Set(names.map(headerKey))].filter((k) => positions.has(k));
    const key = present[0];
    const found = key === undefined ? undefined : positions.get(key);
    if (key !== undefined && repeated.has(key)) {
      issues.push({ field, reason: `the header has column "${header[found ?? 0] ?? key}" more than once, so ${field} is ambiguous` });
    } else if (found !== undefined) {
      index.set(field, found);
      const more = joinAll === true ? present.slice(1).filter((k) => !repeated.has(k)).map((k) => positions.get(k) ?? 0) : [];
      if (more.length > 0) joined.set(field, more);
    } else if (explicit) {
      issues.push({ field, reason: `the mapping names column ${quoteList(names)} for ${field}, but the header has no such column` });
    }
  }
  return { index, joined, issues };
}

/** The names tried for a field, for messages about a missing column. */
export function candidatesFor(field: CsvField, mapping: ColumnMapping, preset: PresetName): readonly string[] {
  const explicit: string | readonly string[] | undefined = mapping[field];
  if (explicit === undefined) return presetSynonyms(preset, field);
  return typeof explicit === 'string' ? [explicit] : explicit;
}

/** Formats column names for a message: "A", "B" or "C". */
export function quoteList(names: readonly string[]): string {
  const quoted = names.map((n) => `"${n}"`);
  if (quoted.length <= 1) return quoted.join('');
  return `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)}`;
}
