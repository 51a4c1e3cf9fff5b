import type { ColumnMapping, CsvField } from './mapping.ts';
import { presetSynonyms, type PresetName } from './presets.ts';

/** Where each field's column sits in a row (0-based), for the fields the header has. */
export type ColumnIndex<F extends CsvField> = ReadonlyMap<F, number>;

/** Header names compare without case, spaces, underscores, dots, dashes, '#' or ':'. */
export function headerKey(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/[\s_.\-#:'’°]/g, '');
}

/** Why a header could not serve: a mapped column is absent, or columns repeat. */
export type ColumnIssue = { readonly field: string; readonly reason: string };

/**
 * Finds the column of each field: an explicit mapping names the column (an error when it
 * is absent); otherwise the preset's synonyms are tried in order.
 */
export function resolveColumns<F extends CsvField>(
  header: readonly string[],
  fields: readonly F[],
  mapping: ColumnMapping,
  preset: PresetName,
): { index: ColumnIndex<F>; issues: ColumnIssue[] } {
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
  for (const field of fields) {
    const explicit = mapping[field];
    const wanted = candidatesFor(field, mapping, preset);
    const key = wanted.map(headerKey).find((k) => positions.has(k));
    const found = key === undefined ? undefined : positions.get(key);
    if (key !== undefined && repeated.has(key)) {
      issues.push({ field, reason: `the header has column "${header[found ?? 0] ?? key}" more than once, so ${field} is ambiguous` });
    } else if (found !== undefined) index.set(field, found);
    else if (explicit !== undefined) {
      issues.push({ field, reason: `the mapping names column ${quoteList(wanted)} for ${field}, but the header has no such column` });
    }
  }
  return { index, issues };
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
