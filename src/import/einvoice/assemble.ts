// Turns what a UBL or CII reader found into a validated EInvoice: mandatory fields, ISO
// currency, exact amounts, the due date (explicit, derived from the terms, or missing), the
// invoice/credit-note decision and the buyer.
import { formatDecimal } from '../../core/money.ts';
import { compareDates, type LocalDate } from '../../core/local-date.ts';
import type { CurrencyCode } from '../../core/currency.ts';
import type { DueDateSource, InvoiceKind } from '../../core/ledger.ts';
import { amountOf, currencyOf, dateOf, looksLikeEmail, required, type Checked } from './fields.ts';
import { cleanTerms, deriveDueDate } from './payment-terms.ts';
import { kindOf } from './type-codes.ts';
import type { RawBuyer, RawInvoice } from './raw.ts';
import type { EInvoiceBuyer, EInvoiceResult } from './types.ts';

/** Validates a raw UBL/CII reading into an EInvoice, or the first problem found. */
export function assemble(raw: RawInvoice): EInvoiceResult {
  const notes: string[] = [...raw.notes];
  const number = required(raw.number, 'invoice number (BT-1)');
  if (!number.ok) return number;
  const currency = currencyOf(raw.currency);
  if (!currency.ok) return currency;
  const issueText = required(raw.issueDate, 'issue date (BT-2)');
  if (!issueText.ok) return issueText;
  const issueDate = dateOf({ ...raw.issueDate, value: issueText.value });
  if (!issueDate.ok) return issueDate;
  const payableText = required(raw.payable, 'amount due for payment (BT-115)');
  if (!payableText.ok) return payableText;

  const amounts = readAmounts(raw, currency.value, notes);
  if (!amounts.ok) return amounts;
  const due = dueDateOf(raw, issueDate.value, notes);
  if (!due.ok) return due;
  const buyer = buyerOf(raw.buyer);
  if (!buyer.ok) return buyer;

  const decided = kindOf(raw.typeCode.value, raw.creditNoteRoot);
  if (decided.note) notes.push(decided.note);
  let kind: InvoiceKind = decided.kind;
  let { total, prepaid, payable } = amounts.value;
  if (payable < 0n) {
    const flipped: InvoiceKind = kind === 'invoice' ? 'credit_note' : 'invoice';
    const show = (m: bigint): string => formatDecimal(m, currency.value);
    // A negative document (all amounts negative) flips sign as a whole; an invoice whose
    // prepayments exceed its total leaves only the surplus as the credited amount.
    const surplus = total > 0n;
    notes.push(
      `payable amount ${show(payable)} is negative` +
        (surplus ? ` (prepaid ${show(prepaid)} exceeds the total ${show(total)})` : '') +
        `: read as a ${flipped.replace('_', ' ')} of ${show(-payable)}`,
    );
    kind = flipped;
    [total, prepaid, payable] = surplus ? [-payable, 0n, -payable] : [-total, -prepaid, -payable];
  }
  return {
    ok: true,
    invoice: {
      syntax: raw.syntax,
      number: number.value,
      kind,
      typeCode: raw.typeCode.value,
      currency: currency.value,
      issueDate: issueDate.value,
      dueDate: due.value.date,
      dueDateSource: due.value.source,
      total,
      prepaid,
      payable,
      paymentReference: raw.paymentReference,
      buyer: buyer.value,
      poNumber: raw.poNumber,
      terms: cleanTerms(raw.terms),
      correctsNumber: raw.correctsNumber,
      notes,
    },
  };
}

type Amounts = { total: bigint; prepaid: bigint; payable: bigint };

function readAmounts(raw: RawInvoice, currency: CurrencyCode, notes: string[]): Checked<Amounts> {
  const payable = amountOf({ ...raw.payable, value: raw.payable.value ?? '' }, currency, notes);
  if (!payable.ok) return payable;
  let prepaid: Checked<bigint> = { ok: true, value: 0n };
  if (raw.prepaid.value !== null)
    prepaid = amountOf({ ...raw.prepaid, value: raw.prepaid.value }, currency, notes);
  if (!prepaid.ok) return prepaid;
  if (raw.total.value === null) {
    notes.push(`no invoice total with VAT (${raw.total.where}): taken as payable plus prepaid`);
    return {
      ok: true,
      value: {
        total: payable.value + prepaid.value,
        prepaid: prepaid.value,
        payable: payable.value,
      },
    };
  }
  const total = amountOf({ ...raw.total, value: raw.total.value }, currency, notes);
  if (!total.ok) return total;
  return {
    ok: true,
    value: { total: total.value, prepaid: prepaid.value, payable: payable.value },
  };
}

type Due = { date: LocalDate | null; source: DueDateSource };

function dueDateOf(raw: RawInvoice, issueDate: LocalDate, notes: string[]): Checked<Due> {
  if (raw.dueDate.value !== null) {
    const date = dateOf({ ...raw.dueDate, value: raw.dueDate.value });
    if (!date.ok) return date;
    if (compareDates(date.value, issueDate) < 0) {
      const message = `due date ${date.value} is before the issue date ${issueDate}`;
      return { ok: false, error: { message, where: raw.dueDate.where } };
    }
    return { ok: true, value: { date: date.value, source: 'explicit' } };
  }
  const terms = cleanTerms(raw.terms);
  const derived = terms === null ? { date: null, note: null } : deriveDueDate(terms, issueDate);
  if (derived.note) notes.push(derived.note);
  if (derived.date === null) return { ok: true, value: { date: null, source: 'missing' } };
  return { ok: true, value: { date: derived.date, source: 'derived' } };
}

function buyerOf(raw: RawBuyer): Checked<EInvoiceBuyer> {
  const strip = (t: string | null): string | null => t?.replace(/^mailto:/i, '') ?? null;
  const contact = strip(raw.contactEmail);
  const endpoint = strip(raw.endpoint);
  const email = looksLikeEmail(contact) ? contact : looksLikeEmail(endpoint) ? endpoint : null;
  const id = raw.ids.find((v) => v !== null) ?? null;
  if (raw.name === null && id === null && email === null) {
    return {
      ok: false,
      error: {
        message: 'the buyer has no name, identifier or email address (BT-44, BT-46, BT-49, BT-58)',
        where: raw.where,
      },
    };
  }
  const name = raw.name?.replace(/\s+/g, ' ') ?? null; // names wrapped over lines in the XML
  return { ok: true, value: { name, email, id, country: raw.country?.toUpperCase() ?? null } };
}
