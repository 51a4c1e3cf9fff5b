// Recognising IBANs and ISO 11649 creditor references ("RF18 5390 0754 7034") in free text.

/** The IBAN (spaces removed, upper-cased) when the text is one with a valid checksum, else null. */
export function ibanOrNull(text: string | null): string | null {
  if (text === null) return null;
  const compact = text.replace(/\s+/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(compact)) return null;
  return mod97(compact.slice(4) + compact.slice(0, 4)) === 1 ? compact : null;
}

/**
 * The first ISO 11649 creditor reference with a valid checksum in the text, or null. It may be
 * written solid ("RF18539007547034") or in groups of four ("RF18 5390 0754 7034"); for grouped
 * text, trailing groups are dropped one at a time in case a following word was caught.
 */
export function findCreditorReference(text: string | null): string | null {
  if (text === null) return null;
  const upper = text.toUpperCase();
  for (const match of upper.matchAll(/\bRF\d{2}(?:(?: [A-Z0-9]{1,4})+|[A-Z0-9]{1,21})\b/g)) {
    const groups = match[0].split(' ');
    for (let keep = groups.length; keep >= (groups.length > 1 ? 2 : 1); keep--) {
      const candidate = groups.slice(0, keep).join('');
      if (candidate.length <= 25 && mod97(candidate.slice(4) + candidate.slice(0, 4)) === 1) {
        return candidate;
      }
    }
  }
  return null;
}

/** ISO 7064 MOD 97-10 of an alphanumeric string, letters counted as 10..35. */
function mod97(text: string): number {
  let rest = 0;
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    const digits = code >= 65 ? String(code - 55) : ch;
    for (const d of digits) rest = (rest * 10 + (d.charCodeAt(0) - 48)) % 97;
  }
  return rest;
}
