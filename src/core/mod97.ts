/**
 * ISO 7064 MOD 97-10 of letters and digits, letters counted as 10..35: the check of IBANs and
 * ISO 11649 creditor references (a valid one, rearranged, gives 1).
 */
export function mod97(text: string): number {
  let rest = 0;
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    const digits = code >= 65 ? String(code - 55) : ch;
    for (const d of digits) rest = (rest * 10 + (d.charCodeAt(0) - 48)) % 97;
  }
  return rest;
}
