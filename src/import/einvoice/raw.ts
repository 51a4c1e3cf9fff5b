// What the UBL and CII readers hand to the assembler: texts as written plus the element path
// each came from, so that every later complaint can say where.

/** A text read from the document (null when absent) and the path of its element. */
export type Located = {
  readonly value: string | null;
  readonly where: string;
  /** currencyID of an amount, or the CII date format code; null when not given. */
  readonly attr: string | null;
};

/** The buyer fields in the syntax's terms. */
export type RawBuyer = {
  readonly where: string;
  readonly name: string | null;
  readonly contactEmail: string | null;
  /** BT-49 electronic address (used as an email only when it is one). */
  readonly endpoint: string | null;
  /** BT-46, BT-47, BT-48 in that order of preference (nulls allowed). */
  readonly ids: readonly (string | null)[];
  readonly country: string | null;
};

/** One invoice as read from UBL or CII, before validation. */
export type RawInvoice = {
  readonly syntax: 'ubl' | 'cii';
  /** A UBL CreditNote document (its root says so whatever the type code). */
  readonly creditNoteRoot: boolean;
  readonly number: Located;
  readonly typeCode: Located;
  readonly currency: Located;
  readonly issueDate: Located;
  readonly dueDate: Located;
  readonly total: Located;
  readonly prepaid: Located;
  readonly payable: Located;
  readonly paymentReference: string | null;
  readonly terms: readonly string[];
  readonly buyer: RawBuyer;
  readonly poNumber: string | null;
  readonly correctsNumber: string | null;
  /** What the reader decided on the way (e.g. which of several due dates it took). */
  readonly notes: readonly string[];
};

/** A Located built from a lookup. */
export function located(value: string | null, where: string, attr: string | null = null): Located {
  return { value, where, attr };
}
