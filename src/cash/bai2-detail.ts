// BAI2 amounts, funds types and the 16 transaction detail record.
import type { CurrencyCode } from '../core/currency.ts';
import type { LocalDate } from '../core/local-date.ts';
import type { DraftTransaction } from './entry-id.ts';
import { yymmdd } from './mt940-dates.ts';
import { ibanOrNull, findCreditorReference } from './reference.ts';
import { stripEnd, type Bai2Record } from './bai2-records.ts';
import { fail } from './statement.ts';

/** A BAI2 amount: signed whole minor units of the account currency (no decimal point). */
export function bai2Amount(text: string, line: number): bigint | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  if (!/^[+-]?\d+$/.test(trimmed))
    fail(`amount "${text}" is not a whole number of minor units`, `line ${line}`);
  return BigInt(trimmed);
}

/** How many fields follow a funds type: V date+time, S three amounts, D a count and pairs. */
export function fundsDetailLength(funds: string, next: readonly string[], line: number): number {
  switch (funds.trim()) {
    case 'V':
      return 2;
    case 'S':
      return 3;
    case 'D': {
      const count = Number(next[0] ?? '');
      if (!Number.isInteger(count) || count < 0)
        fail('funds type D without a distribution count', `line ${line}`);
      return 1 + 2 * count;
    }
    default:
      return 0;
  }
}

/**
 * A 16 record. Type codes 100-399 are credits and 400-699 debits; others (loans, non-monetary
 * 890, bank-specific 9xx) carry no direction and yield null. The text field is the rest of the
 * record, commas included, plus its 88 continuations; `KEY: value` continuations (EREF, REMI,
 * DBNM, CRNM, as Goldman Sachs sends) fill the matching fields.
 */
export function detailTransaction(
  record: Bai2Record,
  currency: CurrencyCode,
  bookingDate: LocalDate,
  warn: (w: string) => void,
): DraftTransaction | null {
  const tokens = stripEnd(record.raw).split(',');
  const [type = '', amountText = '', funds = ''] = tokens;
  const code = Number(type);
  const magnitude = bai2Amount(amountText, record.line) ?? 0n;
  const extra = fundsDetailLength(funds, tokens.slice(3), record.line);
  const valueDate =
    funds.trim() === 'V' && tokens[3] ? yymmdd(tokens[3].trim(), record.line, warn) : null;
  const rest = tokens.slice(3 + extra);
  if (!(code >= 100 && code <= 699)) {
    warn(`line ${record.line}: type code ${type} is not a credit or debit; skipped`);
    return null;
  }
  const credit = code < 400;
  const keyed = new Map<string, string>();
  const text = [rest.slice(2).join(',')];
  for (const t of record.continuations.map(stripEnd)) {
    const m = /^([A-Z]{4}): ?(.*)$/.exec(t.trim());
    if (m) keyed.set(m[1] ?? '', (m[2] ?? '').trim());
    else text.push(t);
  }
  const plain = text.map((t) => t.trim().replace(/\s+/g, ' ')).filter((t) => t !== '');
  const remittance = keyed.get('REMI') || (plain.length > 0 ? plain.join(' ') : null);
  const name = keyed.get(credit ? 'DBNM' : 'CRNM') || null;
  const account = keyed.get(credit ? 'DACT' : 'CACT') || null;
  return {
    bookingDate,
    valueDate,
    amount: credit ? magnitude : -magnitude,
    currency,
    counterpartyName: name,
    counterpartyIban: ibanOrNull(account),
    counterpartyAccount: account,
    reference: findCreditorReference(remittance),
    remittance,
    endToEndId: keyed.get('EREF') || null,
    bankReference: rest[0]?.trim() || null,
  };
}
