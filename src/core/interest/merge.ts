import { addDays, compareDates, type LocalDate } from '../local-date.ts';
import { comparePercent, parsePercent } from './percent.ts';
import { parseRateTable, rateOn, type RateChange, type RateTable } from './rates.ts';

/** The outcome of extending a rate table. */
export type MergeResult =
  | { readonly kind: 'ok'; readonly table: RateTable }
  | { readonly kind: 'error'; readonly reason: string };

/**
 * Extends a shipped table with a user's file (same shape as data/rates/*.json), for rates
 * published after the shipped knownUntil or for a gap the shipped table leaves unknown.
 * The extension must start no later than the day after base.knownUntil (no unknown hole between
 * them) and may not contradict a rate the base already knows; within its own range it fills
 * the base's unknown days. The result is known until the later of the two knownUntil dates.
 */
export function mergeRateTable(base: RateTable, extension: unknown): MergeResult {
  const parsed = parseRateTable(extension);
  if (parsed.kind === 'error') return { kind: 'error', reason: `extension: ${parsed.reason}` };
  const ext = parsed.table;
  const extStart = (ext.changes[0] as RateChange).from;
  const firstUncovered = addDays(base.knownUntil, 1);
  if (compareDates(extStart, firstUncovered) > 0) {
    return {
      kind: 'error',
      reason: `extension starts on ${extStart} but the base table is known only until ${base.knownUntil}; rates from ${firstUncovered} would be missing`,
    };
  }
  const knownUntil =
    compareDates(ext.knownUntil, base.knownUntil) > 0 ? ext.knownUntil : base.knownUntil;
  const boundaries = new Set<LocalDate>([
    ...base.changes.map((c) => c.from),
    ...ext.changes.map((c) => c.from),
    addDays(ext.knownUntil, 1),
    firstUncovered,
  ]);
  const days = [...boundaries].filter((d) => compareDates(d, knownUntil) <= 0).sort(compareDates);
  const changes: RateChange[] = [];
  for (const day of days) {
    const baseRate = textOn(base, day);
    const extRate = compareDates(day, extStart) >= 0 ? textOn(ext, day) : null;
    if (baseRate !== null && extRate !== null && !sameRate(baseRate, extRate)) {
      return {
        kind: 'error',
        reason: `extension says ${extRate} % on ${day} but the base table (${base.source}) says ${baseRate} %`,
      };
    }
    const ratePercent = extRate ?? baseRate;
    const previous = changes.at(-1);
    if (previous !== undefined && sameOrBothNull(previous.ratePercent, ratePercent)) continue;
    changes.push({ from: day, ratePercent });
  }
  const table: RateTable = {
    source: `${base.source}; extended by ${ext.source}`,
    attribution: `${base.attribution}; ${ext.attribution}`,
    knownUntil,
    changes,
  };
  const notes = [base.notes, ext.notes].filter((n) => n !== undefined).join(' ');
  return { kind: 'ok', table: notes === '' ? table : { ...table, notes } };
}

function textOn(table: RateTable, day: LocalDate): string | null {
  const found = rateOn(table, day);
  return found.kind === 'known' ? found.ratePercent : null;
}

function sameRate(a: string, b: string): boolean {
  const x = parsePercent(a);
  const y = parsePercent(b);
  return x !== null && y !== null && comparePercent(x, y) === 0;
}

function sameOrBothNull(a: string | null, b: string | null): boolean {
  if (a === null || b === null) return a === b;
  return sameRate(a, b);
}
