// Recognising IBANs and ISO 11649 creditor references ("RF18 5390 0754 7034") in free text.
import { findCreditorReferences } from '../core/matching/creditor-reference.ts';
import { mod97 } from '../core/mod97.ts';

/** The IBAN (spaces removed, upper-cased) when the text is one with a valid checksum, else null. */
export function ibanOrNull(text: string | null): string | null {
  if (text === null) return null;
  const compact = text.replace(/\s+/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(compact)) return null;
  return mod97(compact.slice(4) + compact.slice(0, 4)) === 1 ? compact : null;
}

/**
 * The first ISO 11649 creditor reference with a valid checksum in the text, or null. It may be
 * written solid ("RF18539007547034") or in groups of four ("RF18 5390 0754 7034").
 */
export function findCreditorReference(text: string | null): string | null {
  return findCreditorReferences(text)[0] ?? null;
}
