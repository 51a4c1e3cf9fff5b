// Payer names as banks write them: upper case, transliterated, cut short to a field width,
// legal form changed or missing, abbreviated, words in another order. Compared as sets of
// words, legal forms left out; a name cut at a field width is compared with the start of the
// customer's name.
import { abbreviations, legalWords } from './name-words.ts';

/** A name read once for comparison. */
export type NameForm = {
  /** The distinctive words, sorted (see `nameWords`). */
  readonly words: readonly string[];
  /** All words in their order, legal forms included, abbreviations written out, joined by spaces. */
  readonly run: string;
  /** Characters of the name as written, trimmed: a cut name is as long as the bank's field. */
  readonly length: number;
};

/** Reads a name for comparison. */
export function nameForm(name: string): NameForm {
  const all = normalisedWords(name);
  const kept = all.filter((w) => !legalWords.has(w));
  return { words: (kept.length > 0 ? kept : all).sort(), run: all.join(' '), length: name.trim().length };
}

/** The distinctive words of a name: upper case, accents and legal forms removed, sorted. */
export function nameWords(name: string): string[] {
  return [...nameForm(name).words];
}

/** The key learned payer names are stored under: the distinctive words joined by spaces. */
export function payerNameKey(name: string): string {
  return nameWords(name).join(' ');
}

/**
 * How alike a payer's name (as the bank wrote it) is to a customer's name, in [0, 1]: the
 * share of characters in words both names have, where a word also counts as shared when it is
 * the start (4+ letters) of the other one or one typo away from it (6+ letters). Word order and
 * legal forms do not matter. A payer name cut short at a field width (`isCutFrom`) is 1.
 */
export function nameSimilarity(payer: string, customer: string): number {
  return formSimilarity(nameForm(payer), nameForm(customer));
}

/** `nameSimilarity` of names already read by `nameForm`. */
export function formSimilarity(payer: NameForm, customer: NameForm): number {
  if (isCutFrom(payer, customer)) return 1;
  return wordSimilarity(payer.words, customer.words);
}

// Banks cut names to their field width: 16 to 22 characters in US ACH files, 27 in German
// DTA and MT940 `?32`/`?33` subfields, 35 in SWIFT lines. A shorter name was not cut.
const minCutLength = 16;

/**
 * True when `payer` is the customer's name cut short by a bank: at least 16 characters long,
 * the customer's full name (legal form and all, in order) starts with it, and it keeps at
 * least two distinctive words of the name whole ("KEYSTONE & IRONWOOD DIS" of "Keystone &
 * Ironwood Distribution LLC"; not "MUELLER B" of "Müller Bau GmbH").
 */
export function isCutFrom(payer: NameForm, customer: NameForm): boolean {
  if (payer.length < minCutLength || payer.run === '' || customer.run.length <= payer.run.length) return false;
  if (!customer.run.startsWith(payer.run)) return false;
  const words = payer.run.split(' ');
  // The last word is whole only when the customer's name has a space right after it.
  const whole = customer.run[payer.run.length] === ' ' ? words : words.slice(0, -1);
  return whole.filter((w) => !legalWords.has(w)).length >= 2;
}

/** The share of characters in words both lists have (see `nameSimilarity`). */
export function wordSimilarity(wa: readonly string[], wb: readonly string[]): number {
  const total = [...wa, ...wb].reduce((s, w) => s + w.length, 0);
  if (total === 0) return 0;
  const used = new Set<number>();
  let shared = 0;
  for (const w of wa) {
    const j = wb.findIndex((v, k) => !used.has(k) && sameWord(w, v));
    if (j < 0) continue;
    used.add(j);
    shared += w.length + (wb[j]?.length ?? 0);
  }
  return shared / total;
}

// Upper case, transliterated, punctuation gone, abbreviations written out, in order.
function normalisedWords(name: string): string[] {
  const text = name
    .replace(/ß/g, 'ss')
    .replace(/[Ææ]/g, 'AE')
    .replace(/[Œœ]/g, 'OE')
    .replace(/[Øø]/g, 'O')
    .replace(/[Łł]/g, 'L')
    .replace(/[Đđð]/g, 'D')
    .replace(/[Þþ]/g, 'TH')
    .replace(/ı/g, 'I')
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toUpperCase()
    .replace(/&/g, ' AND ')
    .replace(/\.(?=[A-Z]\b)/g, '')
    .replace(/\b([A-Z])\.(?=\s|$)/g, '$1')
    .replace(/[^A-Z0-9]+/g, ' ')
    // "Müller" and "MUELLER" meet at "MULLER".
    .replace(/([AOU])E/g, '$1');
  const words = joinSingleLetters(text.split(' ').filter((w) => w !== ''));
  return words.map((w) => abbreviations.get(w) ?? w);
}

// "B V" (from "B. V.") and "S A S" become one word, so they can be recognised as legal forms.
function joinSingleLetters(words: readonly string[]): string[] {
  const out: string[] = [];
  let run = '';
  for (const w of words) {
    if (w.length === 1) run += w;
    else {
      if (run !== '') out.push(run);
      run = '';
      out.push(w);
    }
  }
  if (run !== '') out.push(run);
  return out;
}

function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length >= 4 && long.startsWith(short)) return true;
  return short.length >= 6 && oneEdit(a, b);
}

function oneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1);
  const [long, short] = a.length > b.length ? [a, b] : [b, a];
  return long.slice(i + 1) === short.slice(i);
}
