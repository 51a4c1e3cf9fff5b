// ISO 11649 structured creditor references ("RF18 5390 0754 7034"): check digits and search.
import { mod97 } from '../mod97.ts';

/** True when the text (spaces allowed) is an RF reference whose check digits are right. */
export function isCreditorReference(text: string): boolean {
  const compact = text.replace(/\s+/g, '').toUpperCase();
  if (!/^RF\d{2}[A-Z0-9]{1,21}$/.test(compact)) return false;
  return mod97(compact.slice(4) + compact.slice(0, 4)) === 1;
}

/** Builds the RF reference for a base of letters and digits (up to 21), with its check digits. */
export function creditorReference(base: string): string {
  const body = base.toUpperCase();
  if (!/^[A-Z0-9]{1,21}$/.test(body)) throw new RangeError(`not a creditor-reference base: ${base}`);
  const check = 98 - mod97(body + 'RF00');
  return `RF${String(check).padStart(2, '0')}${body}`;
}

/**
 * Every valid RF reference in free text, compact and upper-cased. Grouped writing ("RF18 5390
 * 0754 7034") is joined; trailing groups are dropped one at a time in case a word was caught.
 */
export function findCreditorReferences(text: string | null): string[] {
  if (text === null) return [];
  const found: string[] = [];
  for (const match of text.toUpperCase().matchAll(/\bRF\d{2}(?:(?:[ ]?[A-Z0-9]{1,4})+)\b/g)) {
    const groups = match[0].split(' ');
    for (let keep = groups.length; keep >= 1; keep--) {
      const candidate = groups.slice(0, keep).join('');
      if (candidate.length <= 25 && isCreditorReference(candidate)) {
        found.push(candidate);
        break;
      }
    }
  }
  return found;
}
