// How payers write what they pay for: invoice numbers in many forms, typos, references, notes.
import type { Random } from '../demo/random.ts';

/** The invoice number as a person might type it: case, separators, leading zeros vary. */
export function writeNumber(random: Random, number: string): string {
  switch (random.int(0, 6)) {
    case 0:
      return number.toLowerCase();
    case 1:
      return number.replace(/-/g, ' ');
    case 2:
      return number.replace(/-/g, '');
    case 3:
      return number.replace(/-0+(?=\d)/g, '-');
    case 4:
      return number.replace(/-/g, '/');
    default:
      return number;
  }
}

/** The number with one typing error in its significant digits (changed, swapped, lost, doubled). */
export function mistype(random: Random, number: string): string {
  const m = /^(.*-0*)(\d+)$/.exec(number);
  if (m === null) return number;
  const head = m[1] ?? '';
  const digits = m[2] ?? '';
  if (digits.length < 2) return number;
  const i = random.int(0, digits.length - 2);
  const d = digits[i] ?? '0';
  let typo: string;
  switch (random.int(0, 3)) {
    case 0:
      typo = digits.slice(0, i) + String((Number(d) + random.int(1, 9)) % 10) + digits.slice(i + 1);
      break;
    case 1:
      typo = digits.slice(0, i) + (digits[i + 1] ?? '') + d + digits.slice(i + 2);
      break;
    case 2:
      typo = digits.slice(0, i) + digits.slice(i + 1);
      break;
    default:
      typo = digits.slice(0, i) + d + digits.slice(i);
  }
  if (typo === digits || typo.startsWith('0')) typo = digits.slice(0, -1) + String((Number(digits.at(-1)) + 1) % 10);
  return head + typo;
}

// prettier-ignore
const numberNotes = ['Invoice {n}', 'Rechnung {n}', 'Facture {n} merci', 'Payment for {n}', '{n}', 'RE: {n} / Kd-Nr 4711', 'Factura {n}', 'Fattura n. {n}', 'Faktura {n} betaling', 'inv {n} thanks'];

/** A remittance note naming invoice numbers (already written as the payer wrote them). */
export function noteFor(random: Random, numbers: readonly string[]): string {
  return random.pick(numberNotes).replace('{n}', numbers.join(random.pick([', ', ' + ', ' und ', ' / '])));
}

// prettier-ignore
const genericNotes = ['Zahlung', 'Payment', 'Überweisung', 'Virement fournisseur', 'Pago proveedor', 'Thank you', 'Monthly payment', 'Sammelzahlung', 'Order 4711', 'Betaling', 'AP payment run 2024-05'];

/** A note that names no invoice, or null for none at all. */
export function genericNote(random: Random): string | null {
  return random.chance(0.2) ? null : random.pick(genericNotes);
}

/** An RF reference as printed on a payment slip: solid or in groups of four. */
export function writeReference(random: Random, rf: string): string {
  return random.chance(0.5) ? rf : (rf.match(/.{1,4}/g) ?? [rf]).join(' ');
}
