import { compareDates, parseLocalDate, type LocalDate } from '../local-date.ts';
import { isDecimalText, parsePercent, type Percent } from './percent.ts';

/** One step of a rate series: from this day on the rate is `ratePercent`; null = not published/unknown. */
export type RateChange = { readonly from: LocalDate; readonly ratePercent: string | null };

/**
 * A published rate series (Basiszinssatz, ECB MRO, Bank Rate) as shipped in data/rates:
 * where it comes from, how to credit it, and the last day it is known for.
 */
export type RateTable = {
  readonly source: string;
  readonly attribution: string;
  readonly knownUntil: LocalDate;
  readonly changes: readonly RateChange[];
  readonly notes?: string;
};

/** The tables a calculation may need, by series. */
export type RateTables = {
  readonly deBasiszinssatz?: RateTable;
  readonly ecbMro?: RateTable;
  readonly boeBankRate?: RateTable;
};

/** The name of one series in RateTables. */
export type RateTableName = keyof RateTables;

/** Why a rate is not known: past the table's end, before its first entry, or in a gap (null entry). */
export type UnknownRateCause = 'after_known_until' | 'before_first_rate' | 'gap_in_table';

/** The rate in force on a day, or why it is not known. */
export type RateLookup =
  | { readonly kind: 'known'; readonly rate: Percent; readonly ratePercent: string }
  | { readonly kind: 'unknown'; readonly cause: UnknownRateCause };

/** The rate in force on `date` (the last change on or before it), never guessing past knownUntil. */
export function rateOn(table: RateTable, date: LocalDate): RateLookup {
  if (compareDates(date, table.knownUntil) > 0)
    return { kind: 'unknown', cause: 'after_known_until' };
  let found: RateChange | undefined;
  for (const change of table.changes) {
    if (compareDates(change.from, date) > 0) break;
    found = change;
  }
  if (found === undefined) return { kind: 'unknown', cause: 'before_first_rate' };
  if (found.ratePercent === null) return { kind: 'unknown', cause: 'gap_in_table' };
  const rate = parsePercent(found.ratePercent);
  if (rate === null)
    throw new TypeError(`rate table holds a non-decimal rate: ${found.ratePercent}`);
  return { kind: 'known', rate, ratePercent: found.ratePercent };
}

/** Checks an untrusted value (a shipped or user-supplied JSON file) and returns it as a RateTable. */
export function parseRateTable(
  value: unknown,
):
  | { readonly kind: 'ok'; readonly table: RateTable }
  | { readonly kind: 'error'; readonly reason: string } {
  const fail = (reason: string) => ({ kind: 'error', reason }) as const;
  if (!isRecord(value)) return fail('a rate table must be an object');
  const { source, attribution, knownUntil, changes, notes } = value;
  if (typeof source !== 'string' || source.trim() === '')
    return fail('"source" must be a non-empty string');
  if (typeof attribution !== 'string' || attribution.trim() === '') {
    return fail('"attribution" must be a non-empty string');
  }
  if (notes !== undefined && typeof notes !== 'string') return fail('"notes" must be a string');
  const until = typeof knownUntil === 'string' ? parseLocalDate(knownUntil) : null;
  if (until === null) return fail('"knownUntil" must be a date YYYY-MM-DD');
  if (!Array.isArray(changes) || changes.length === 0)
    return fail('"changes" must be a non-empty list');
  const parsed: RateChange[] = [];
  for (const [i, entry] of changes.entries()) {
    if (!isRecord(entry)) return fail(`changes[${i}] must be an object`);
    const from = typeof entry['from'] === 'string' ? parseLocalDate(entry['from']) : null;
    if (from === null) return fail(`changes[${i}].from must be a date YYYY-MM-DD`);
    const rate = entry['ratePercent'];
    if (rate !== null && (typeof rate !== 'string' || !isDecimalText(rate))) {
      return fail(
        `changes[${i}].ratePercent must be a decimal string such as "3.62" (or null), not ${JSON.stringify(rate)}`,
      );
    }
    const previous = parsed.at(-1);
    if (previous !== undefined && compareDates(previous.from, from) >= 0) {
      return fail(
        `changes[${i}].from ${from} is not after ${previous.from}; list changes oldest first`,
      );
    }
    parsed.push({ from, ratePercent: rate });
  }
  const last = parsed.at(-1);
  if (last !== undefined && compareDates(last.from, until) > 0) {
    return fail(`the last change (${last.from}) is after knownUntil (${until})`);
  }
  const table: RateTable = { source, attribution, knownUntil: until, changes: parsed };
  return { kind: 'ok', table: notes === undefined ? table : { ...table, notes } };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
