// prettier-ignore
const units = [
  'zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten',
  'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen',
  'nineteen',
];
const tens = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

/** Reads a count written as digits or English words ("14", "a", "two", "forty-five"), else null. */
export function parseCount(word: string): number | null {
  const w = word.toLowerCase().trim();
  if (/^\d{1,4}$/.test(w)) return Number(w);
  if (w === 'a' || w === 'an' || w === 'one') return 1;
  const unit = units.indexOf(w);
  if (unit >= 0) return unit;
  const [ten, one, ...rest] = w.split(/[-\s]/);
  if (ten === undefined || rest.length > 0) return null;
  const t = tens.indexOf(ten);
  if (t < 2) return null;
  if (one === undefined) return t * 10;
  const u = units.indexOf(one);
  return u >= 1 && u <= 9 ? t * 10 + u : null;
}

/** The regex source of one count: digits or number words (checked by parseCount afterwards). */
export const countPattern = String.raw`\d{1,4}|an?|[a-z]+(?:-[a-z]+)?`;
