// The one normalised shape every bank-file parser produces, and the failure they report.
import type { CurrencyCode } from '../core/currency.ts';
import type { LocalDate } from '../core/local-date.ts';

/** The bank-file formats Dunwise reads. */
export const statementFormats = [
  'camt.052',
  'camt.053',
  'camt.054',
  'mt940',
  'mt942',
  'bai2',
  'csv',
] as const;
export type StatementFormat = (typeof statementFormats)[number];

/** One booked (or reported) movement on an account: amount signed, credit positive. */
export type Transaction = {
  readonly bookingDate: LocalDate | null;
  readonly valueDate: LocalDate | null;
  /** Signed minor units of `currency`: money in is positive, money out negative. */
  readonly amount: bigint;
  readonly currency: CurrencyCode;
  readonly counterpartyName: string | null;
  /** The counterparty's IBAN, only when the file gives one that looks like an IBAN. */
  readonly counterpartyIban: string | null;
  /** The counterparty's account in any form (IBAN, national number), as given. */
  readonly counterpartyAccount: string | null;
  /** Structured creditor reference (RF..., CdtrRefInf/Ref, Dutch betalingskenmerk, SEPA EREF). */
  readonly reference: string | null;
  /** Unstructured remittance text, joined. */
  readonly remittance: string | null;
  readonly endToEndId: string | null;
  /** The bank's own reference (camt AcctSvcrRef, MT940 //bank reference, BAI2 bank reference). */
  readonly bankReference: string | null;
  /** A stable id for de-duplication (see entry-id.ts). */
  readonly entryId: string;
};

/** One account statement (or report, or notification) with its transactions. */
export type Statement = {
  /** The statement's own id (camt Stmt/Id, MT940 :20:, BAI2 group and account), when given. */
  readonly id: string | null;
  /** IBAN or other account identification. */
  readonly account: string;
  readonly currency: CurrencyCode;
  /** Opening and closing booked balances in minor units; null when the file has none. */
  readonly openingBalance: bigint | null;
  readonly closingBalance: bigint | null;
  readonly transactions: readonly Transaction[];
};

/** Where and why a file could not be read. */
export type StatementParseError = { readonly message: string; readonly where: string };

/** The outcome of reading one bank file; bad input is a value, never an exception. */
export type StatementParseResult =
  | {
      readonly ok: true;
      readonly format: StatementFormat;
      readonly statements: readonly Statement[];
      /** Things read leniently (such as 30 February), each naming its line. */
      readonly warnings: readonly string[];
    }
  | {
      readonly ok: false;
      /** The first problem. */
      readonly error: StatementParseError;
      /** Every problem found, when a format reports more than one (a CSV file: each bad row). */
      readonly problems?: readonly StatementParseError[];
    };

/** Thrown inside the parsers and turned into a `{ ok: false }` result at the edge. */
export class StatementFailure extends Error {
  readonly where: string;
  constructor(message: string, where: string) {
    super(message);
    this.name = 'StatementFailure';
    this.where = where;
  }
}

/** Throws a StatementFailure naming the line or element. */
export function fail(message: string, where: string): never {
  throw new StatementFailure(message, where);
}
