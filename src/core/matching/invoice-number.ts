// Invoice numbers as payers write them: any case, any separators, leading zeros dropped,
// sometimes with one typo. Never a prefix: "INV-12" is not "INV-123".

/** The text upper-cased with accents removed, letters and digits only (separators become ' '). */
function cleaned(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, ' ')
    .trim();
}

/**
 * The lookup keys of an invoice number: the compact form with the leading zeros of its first
 * digit run removed ("INV-0012" -> "INV12"), and, when different, the form with leading zeros
 * removed from every digit group ("INV-2024-000123" -> "INV2024123").
 */
export function invoiceNumberKeys(text: string): string[] {
  const groups = cleaned(text).match(/[A-Z]+|\d+/g) ?? [];
  let plain = '';
  let seenDigits = false;
  for (const g of groups) {
    if (/^\d/.test(g) && !seenDigits) {
      plain += stripZeros(g);
      seenDigits = true;
    } else plain += g;
  }
  const stripped = groups.map((g) => (/^\d/.test(g) ? stripZeros(g) : g)).join('');
  if (plain === '') return [];
  return stripped === plain ? [plain] : [plain, stripped];
}

/** The main key of an invoice number (see `invoiceNumberKeys`); '' when it has no letters or digits. */
export function invoiceNumberKey(text: string): string {
  return invoiceNumberKeys(text)[0] ?? '';
}

function stripZeros(digits: string): string {
  const s = digits.replace(/^0+/, '');
  return s === '' ? '0' : s;
}

/**
 * The invoice-number candidates in free text: runs of 1 to 4 words joined by at most two
 * separator characters (space, -, /, ., #, _), that contain a digit. Each is given as its keys.
 */
export function numberWindows(text: string | null): string[] {
  if (text === null || text === '') return [];
  const words: { word: string; start: number; end: number }[] = [];
  for (const m of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    words.push({ word: m[0], start: m.index, end: m.index + m[0].length });
  }
  const out = new Set<string>();
  for (let i = 0; i < words.length; i++) {
    let joined = '';
    for (let j = i; j < Math.min(words.length, i + 4); j++) {
      const w = words[j];
      if (w === undefined) break;
      if (j > i) {
        const gap = text.slice(words[j - 1]?.end ?? 0, w.start);
        if (!/^[\s\-/.#_]{1,2}$/.test(gap)) break;
        joined += '-';
      }
      joined += w.word;
      if (!/\d/.test(joined)) continue;
      for (const key of invoiceNumberKeys(joined)) if (key.length >= 3 && key.length <= 30) out.add(key);
    }
  }
  return [...out];
}

/**
 * True when `a` and `b` differ by exactly one edit (a changed, missing or extra character, or
 * two neighbours swapped), both have at least 5 characters, and neither is a prefix of the other.
 */
export function isOneTypo(a: string, b: string): boolean {
  if (a === b || a.length < 5 || b.length < 5) return false;
  if (a.startsWith(b) || b.startsWith(a)) return false;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  const [long, short] = a.length > b.length ? [a, b] : [b, a];
  return long.slice(i + 1) === short.slice(i);
}

const digits = '0123456789';
const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/**
 * Every key one typo away from `key` that `isOneTypo` accepts: the index looks these up, so a
 * mistyped number is found without comparing it with every invoice.
 */
export function typoVariants(key: string): string[] {
  if (key.length < 5) return [];
  const out = new Set<string>();
  const setFor = (c: string | undefined): string => (c !== undefined && /\d/.test(c) ? digits : letters);
  for (let i = 0; i < key.length; i++) {
    const c = key[i] ?? '';
    for (const r of setFor(c)) if (r !== c) out.add(key.slice(0, i) + r + key.slice(i + 1));
    if (i + 1 < key.length && key[i + 1] !== c) out.add(key.slice(0, i) + (key[i + 1] ?? '') + c + key.slice(i + 2));
    if (i < key.length - 1) out.add(key.slice(0, i) + key.slice(i + 1));
    const around = /\d/.test(c) || /\d/.test(key[i - 1] ?? '') ? digits : setFor(c);
    for (const r of around) out.add(key.slice(0, i) + r + key.slice(i));
  }
  return [...out].filter((v) => isOneTypo(key, v));
}
