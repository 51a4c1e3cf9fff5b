// The JSON shape other tools read a parse in; keep it exactly as it is.
import { invalid } from '../core/errors.ts';
import { formatDecimal } from '../core/money.ts';
import type { StatementFormat, StatementParseResult } from './statement.ts';

/** One transaction as JSON: amounts as signed decimal strings in major units. */
export type TransactionJson = {
  bookingDate: string | null;
  valueDate: string | null;
  amount: string;
  currency: string;
  counterpartyName: string | null;
  counterpartyIban: string | null;
  reference: string | null;
  remittance: string | null;
  endToEndId: string | null;
};

/** The parse of one file as JSON. */
export type ParseJson = {
  file: string;
  format: StatementFormat;
  statements: {
    account: string;
    currency: string;
    openingBalance: string | null;
    closingBalance: string | null;
    transactions: TransactionJson[];
  }[];
};

/**
 * Converts a successful parse to the JSON shape. A failed parse has no such shape, so it is
 * refused with an invalid-input DunwiseError carrying the parser's message and position.
 */
export function toParseJson(file: string, result: StatementParseResult): ParseJson {
  if (!result.ok) invalid(result.error.message, { file, where: result.error.where });
  return {
    file,
    format: result.format,
    statements: result.statements.map((s) => ({
      account: s.account,
      currency: s.currency,
      openingBalance:
        s.openingBalance === null ? null : formatDecimal(s.openingBalance, s.currency),
      closingBalance:
        s.closingBalance === null ? null : formatDecimal(s.closingBalance, s.currency),
      transactions: s.transactions.map((t) => ({
        bookingDate: t.bookingDate,
        valueDate: t.valueDate,
        amount: formatDecimal(t.amount, t.currency),
        currency: t.currency,
        counterpartyName: t.counterpartyName,
        counterpartyIban: t.counterpartyIban,
        reference: t.reference,
        remittance: t.remittance,
        endToEndId: t.endToEndId,
      })),
    })),
  };
}
