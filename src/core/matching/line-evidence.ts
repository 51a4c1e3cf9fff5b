// What a bank line says about itself, read once: references, invoice-number candidates, payer.
import { findCreditorReferences } from './creditor-reference.ts';
import { invoiceNumberKeys, numberWindows } from './invoice-number.ts';
import { payerNameKey } from './payer-name.ts';
import type { BankLine } from './types.ts';

/** The searchable facts of one bank line. */
export type LineEvidence = {
  /** Compact upper-case references: valid RF references found anywhere, and the reference field. */
  readonly references: ReadonlySet<string>;
  /** Invoice-number keys of every 1-4 word run with a digit (see `numberWindows`). */
  readonly windows: ReadonlySet<string>;
  readonly iban: string | null;
  readonly nameKey: string | null;
};

// SEPA and banks fill empty reference fields with these placeholders.
const placeholders = new Set(['NOTPROVIDED', 'NONREF', 'NONE', 'NA']);

/** Compact form of a reference: upper case, letters and digits only. */
export function compactReference(text: string): string {
  return text.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

/** Reads the references, number candidates and payer of a line. */
export function readLine(line: BankLine): LineEvidence {
  const texts = [line.reference, line.remittance, line.endToEndId].filter(
    (t): t is string => t !== null && !placeholders.has(compactReference(t)),
  );
  const references = new Set<string>();
  const windows = new Set<string>();
  for (const t of texts) {
    for (const rf of findCreditorReferences(t)) references.add(rf);
    for (const w of numberWindows(t)) windows.add(w);
  }
  if (line.reference !== null && !placeholders.has(compactReference(line.reference))) {
    const compact = compactReference(line.reference);
    if (compact.length >= 4) references.add(compact);
    for (const k of invoiceNumberKeys(line.reference)) windows.add(k);
  }
  const iban = line.counterpartyIban === null ? null : line.counterpartyIban.replace(/\s+/g, '').toUpperCase();
  const nameKey = line.counterpartyName === null ? null : payerNameKey(line.counterpartyName);
  return { references, windows, iban: iban === '' ? null : iban, nameKey: nameKey === '' ? null : nameKey };
}
