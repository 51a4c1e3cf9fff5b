// Payment-terms prose (BT-20): cleaning it for display, and deriving a due date from it when
// the document gives none. Pure: the issue date is the only anchor (the day of receipt that
// "N Tage nach Erhalt" refers to is unknown to us, so the issue date stands in for it).
import {
  addDays,
  addMonths,
  compareDates,
  fromParts,
  parseLocalDate,
  type LocalDate,
} from '../../core/local-date.ts';

/** Joins BT-20 texts, strips HTML tags some senders embed (escaped) and tidies whitespace; null when empty. */
export function cleanTerms(texts: readonly string[]): string | null {
  const cleaned = texts
    .map((t) =>
      t
        .replace(/<br\s*\/?>/gi, '\n')
        .replace(/<\/?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?\/?>/g, '')
        .replace(/&nbsp;/g, ' ')
        .split('\n')
        .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
        .filter((line) => line !== '')
        .join('\n'),
    )
    .filter((t) => t !== '');
  return cleaned.length === 0 ? null : cleaned.join('\n');
}

/** A due date found in the terms (or null), and a note saying how. */
export type DerivedDueDate = { readonly date: LocalDate | null; readonly note: string | null };

// XRechnung's structured cash-discount lines: '#SKONTO#TAGE=7#PROZENT=2.00#[BASISBETRAG=..#]'.
const skontoLine = /#SKONTO#[^\n]*/gi;
const discountWords =
  /skonto|discount|rabatt|escompte|korting|rabat\b|sconto|descuento|kassarabatt/i;
const lateWords = /zins|interest|penalt|ränta|rente\b|verzug|intérêt|mahn|late payment|pénalit/i;
const netWords = /\bnet(?:to)?\b|ohne abzug|rein\b|sans escompte|zonder korting/i;
const dayUnits = 'days?|tagen?|dagar|dage|dagen|jours?|giorni|d[ií]as|dni|päivää';
const daysPattern = new RegExp(`(\\d{1,3})\\s*(?:${dayUnits})(?![\\p{L}])`, 'giu');
const netDaysPattern = /\bnet(?:to)?\s+(\d{1,3})\b/gi;
const monthsPattern =
  /(\d{1,2}|one|a|einem|einen|un|één)\s+(?:months?|monaten?|monat|mois|maanden?|månader?|månad)(?![\p{L}])/giu;
const immediatePattern =
  /sofort|immediate(?:ly)?|(?:up)?on receipt|(?:à|dès) réception|omgående|onmiddellijk|bei erhalt/i;

/**
 * Derives a due date from payment-terms text: an explicit date ("bis 04.04.2018", 2018-04-04,
 * 04/04/2018) wins, then "N days/Tage/dagar/jours/dagen" or "N months" after the issue date,
 * then "sofort"/"immediately"/"due on receipt" (the issue date). Cash-discount and late-interest
 * clauses are ignored. Several candidates (instalments) give the earliest, with a note.
 */
export function deriveDueDate(terms: string, issueDate: LocalDate): DerivedDueDate {
  const clauses = netClauses(terms);
  const quoted = `"${terms.replace(/\s+/g, ' ')}"`;
  const dates = clauses.flatMap(findDates).sort(compareDates);
  const firstDate = dates[0];
  if (firstDate !== undefined) {
    if (compareDates(firstDate, issueDate) < 0) {
      return {
        date: null,
        note: `payment terms name ${firstDate}, before the issue date ${issueDate}; ignored`,
      };
    }
    return {
      date: firstDate,
      note: `due date ${firstDate} taken from the payment terms ${quoted}${several(dates)}`,
    };
  }
  const offsets = clauses.flatMap((c) => findOffsets(c, issueDate)).sort(compareDates);
  const firstOffset = offsets[0];
  if (firstOffset !== undefined) {
    return {
      date: firstOffset,
      note: `due date ${firstOffset} derived from the payment terms ${quoted} counted from the issue date${several(offsets)}`,
    };
  }
  if (clauses.some((c) => immediatePattern.test(c))) {
    return {
      date: issueDate,
      note: `payment terms ${quoted} mean payable immediately: due on the issue date`,
    };
  }
  return { date: null, note: null };
}

/** Sentences and comma clauses that speak about the net due date, not discounts or interest. */
function netClauses(terms: string): string[] {
  const sentences = terms.replace(skontoLine, '\n').split(/\n|;|\.(?=\s|$)|\s\/\s/);
  return sentences.flatMap((sentence) => {
    const parts = sentence.split(/,\s/).filter((p) => !lateWords.test(p));
    if (!discountWords.test(sentence)) return parts;
    // In a sentence about a discount, only a clause marked "net" states the due date.
    return parts.filter((p) => netWords.test(p) && !discountWords.test(p));
  });
}

function findDates(text: string): LocalDate[] {
  const found: LocalDate[] = [];
  for (const m of text.matchAll(/\b(\d{4})-(\d{2})-(\d{2})\b/g)) {
    const d = parseLocalDate(m[0]);
    if (d) found.push(d);
  }
  for (const m of text.matchAll(/\b(\d{1,2})([./])(\d{1,2})\2(\d{4})\b/g)) {
    const [a, b, year] = [Number(m[1]), Number(m[3]), Number(m[4])];
    // Day first, as in European documents; a month over 12 means the sender wrote month first.
    const d = b > 12 && a <= 12 ? fromParts(year, a, b) : fromParts(year, b, a);
    if (d) found.push(d);
  }
  return found;
}

function findOffsets(text: string, issueDate: LocalDate): LocalDate[] {
  const days = [...text.matchAll(daysPattern), ...text.matchAll(netDaysPattern)].map((m) =>
    addDays(issueDate, Number(m[1])),
  );
  const months = [...text.matchAll(monthsPattern)].map((m) => {
    const n = /^\d+$/.test(m[1] ?? '') ? Number(m[1]) : 1;
    return addMonths(issueDate, n);
  });
  return [...days, ...months];
}

function several(candidates: readonly LocalDate[]): string {
  const distinct = [...new Set(candidates)];
  return distinct.length > 1
    ? ` (the terms name several: ${distinct.join(', ')}; the earliest is used)`
    : '';
}
