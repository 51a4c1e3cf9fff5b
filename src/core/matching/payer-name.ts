// Payer names as banks write them: upper case, transliterated, cut short, legal form changed or
// missing, words in another order. Compared as sets of words, legal forms left out.

// Legal forms and filler words, written without dots ("B.V." -> "BV", "Co., Ltd." -> "CO LTD").
// prettier-ignore
const legalWords = new Set([
  'GMBH', 'MBH', 'CO', 'KG', 'AG', 'KGAA', 'OHG', 'UG', 'EV', 'SE', 'LTD', 'LIMITED', 'PLC', 'LLP',
  'LLC', 'INC', 'INCORPORATED', 'CORP', 'CORPORATION', 'COMPANY', 'SARL', 'SAS', 'SASU', 'SA',
  'EURL', 'SNC', 'BV', 'NV', 'VOF', 'SL', 'SLU', 'SRL', 'SPA', 'SAPA', 'AB', 'AS', 'ASA', 'APS',
  'OY', 'OYJ', 'KK', 'PTY', 'PTE', 'BHD', 'SP', 'Z', 'OO', 'ZOO', 'SRO', 'KFT', 'LDA', 'THE', 'AND', 'UND',
  'ET', 'CIE', 'Y', 'E', 'DE', 'VAN', 'DER', 'LA', 'LE', 'LES',
]);

/** The distinctive words of a name: upper case, accents and legal forms removed, sorted. */
export function nameWords(name: string): string[] {
  const text = name
    .replace(/ß/g, 'ss')
    .replace(/[Ææ]/g, 'AE')
    .replace(/[Øø]/g, 'O')
    .replace(/[Łł]/g, 'L')
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toUpperCase()
    .replace(/&/g, ' AND ')
    .replace(/\.(?=[A-Z]\b)/g, '')
    .replace(/\b([A-Z])\.(?=\s|$)/g, '$1')
    .replace(/[^A-Z0-9]+/g, ' ')
    // "Müller" and "MUELLER" meet at "MULLER".
    .replace(/([AOU])E/g, '$1');
  const words = text.split(' ').filter((w) => w !== '');
  const kept = joinSingleLetters(words).filter((w) => !legalWords.has(w));
  return (kept.length > 0 ? kept : words).sort();
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

/** The key learned payer names are stored under: the distinctive words joined by spaces. */
export function payerNameKey(name: string): string {
  return nameWords(name).join(' ');
}

/**
 * Similarity of two names in [0, 1]: the share of characters in words both names have, where
 * a word also counts as shared when it is the start (4+ letters) of the other one (banks cut
 * names short) or one typo away from it (6+ letters). Word order does not matter.
 */
export function nameSimilarity(a: string, b: string): number {
  return wordSimilarity(nameWords(a), nameWords(b));
}

/** `nameSimilarity` of names already split by `nameWords`. */
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
