// Document type codes (UNTDID 1001) as EN 16931 uses them for BT-3.
import type { InvoiceKind } from '../../core/ledger.ts';

// Credit notes: 81 credit note related to goods or services, 83 related to financial
// adjustments, 261 self-billed credit note, 262 consolidated credit note, 296 credit note for
// price variation, 308 delcredere credit note, 381 credit note, 396 factored credit note,
// 420 optical character reading (OCR) payment credit note, 458 reversal of debit,
// 532 forwarder's credit note.
const creditNoteCodes = new Set([
  '81',
  '83',
  '261',
  '262',
  '296',
  '308',
  '381',
  '396',
  '420',
  '458',
  '532',
]);

// Invoices, including corrected (384), self-billed (389), partial (326), prepayment (386)
// and the German construction codes (875-877) XRechnung allows.
// prettier-ignore
const invoiceCodes = new Set([
  '71', '80', '82', '84', '102', '218', '219', '326', '331', '380', '382', '383', '384', '385',
  '386', '387', '388', '389', '390', '393', '394', '395', '456', '457', '527', '553', '575',
  '623', '633', '751', '780', '875', '876', '877', '935',
]);

/** Invoice or credit note, with a note when the code was unusual. */
export type KindDecision = { readonly kind: InvoiceKind; readonly note: string | null };

/** Decides invoice or credit note from the UBL root and the type code. */
export function kindOf(typeCode: string | null, creditNoteRoot: boolean): KindDecision {
  if (creditNoteRoot) {
    const odd = typeCode !== null && !creditNoteCodes.has(typeCode);
    return {
      kind: 'credit_note',
      note: odd ? `UBL CreditNote with type code ${typeCode}: read as a credit note` : null,
    };
  }
  if (typeCode === null)
    return { kind: 'invoice', note: 'no document type code (BT-3): read as an invoice' };
  if (creditNoteCodes.has(typeCode)) return { kind: 'credit_note', note: null };
  if (invoiceCodes.has(typeCode)) return { kind: 'invoice', note: null };
  return { kind: 'invoice', note: `unknown document type code ${typeCode}: read as an invoice` };
}
