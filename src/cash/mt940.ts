// SWIFT MT940 statements and MT942 interim reports into normalised statements.
import { asCurrency, type CurrencyCode } from '../core/currency.ts';
import { currencyAt, minorAt } from './amount.ts';
import { withEntryIds, type DraftStatement, type DraftTransaction } from './entry-id.ts';
import { yymmdd } from './mt940-dates.ts';
import { splitMessages, type Mt940Field, type Mt940Message } from './mt940-fields.ts';
import { parseStatementLine } from './mt940-line61.ts';
import { parseDetails } from './mt940-subfields.ts';
import { findCreditorReference, ibanOrNull } from './reference.ts';
import { fail, type Statement } from './statement.ts';

/** Parses every message of an MT940 or MT942 file; a file of interim reports is mt942. */
export function parseMt940(
  text: string,
  warn: (w: string) => void,
): { format: 'mt940' | 'mt942'; statements: Statement[] } {
  const messages = splitMessages(text);
  if (messages.length === 0) fail('no MT940 fields found', 'line 1');
  const interim = messages.every((m) => !m.fields.some((f) => f.tag.startsWith('60')));
  const format = interim ? 'mt942' : 'mt940';
  const statements = messages.flatMap((m) => {
    const draft = readMessage(m, warn);
    return draft === null ? [] : [withEntryIds(format, draft)];
  });
  return { format, statements };
}

/** A statement, or null (with a warning) when its currency is not a current ISO 4217 one. */
function readMessage(message: Mt940Message, warn: (w: string) => void): DraftStatement | null {
  const field = (...tags: string[]): Mt940Field | undefined =>
    message.fields.find((f) => tags.includes(f.tag));
  const account = field('25', '25P')?.value.split('\n')[0]?.trim();
  if (!account) fail('message without a :25: account identification', `line ${message.line}`);
  const opening = field('60F', '60M');
  const closing = field('62F', '62M');
  const currencyField = opening ?? field('34F') ?? closing;
  const code = currencyCode(currencyField, message.line);
  if (/^[A-Z]{3}$/.test(code) && asCurrency(code) === null) {
    // Pre-euro statements (DEM, FRF) still circulate in test suites; Dunwise cannot hold them.
    warn(`line ${message.line}: statement in ${code}, not a current ISO 4217 currency; skipped`);
    return null;
  }
  const currency = currencyAt(code, `line ${currencyField?.line ?? message.line}`);
  const transactions: DraftTransaction[] = [];
  message.fields.forEach((f, i) => {
    if (f.tag !== '61') return;
    // Old Rabobank files repeat :86: once per line; a :86: after :62F: is about the statement.
    const info: Mt940Field[] = [];
    for (let j = i + 1; message.fields[j]?.tag === '86'; j++)
      info.push(message.fields[j] as Mt940Field);
    const first = info[0];
    const joined = first && { ...first, value: info.map((x) => x.value).join('\n') };
    transactions.push(transaction(f, joined, currency, warn));
  });
  return {
    id: field('20')?.value.trim() || null,
    account,
    currency,
    openingBalance: opening ? balance(opening, currency, warn) : null,
    closingBalance: closing ? balance(closing, currency, warn) : null,
    transactions,
  };
}

/** The currency code of a :60F:/:62F: balance (D/C, YYMMDD, code) or an MT942 :34F: limit. */
function currencyCode(f: Mt940Field | undefined, line: number): string {
  if (f === undefined)
    fail('message without an opening balance or :34F: to give a currency', `line ${line}`);
  return f.tag === '34F' ? f.value.slice(0, 3) : f.value.slice(7, 10);
}

function balance(f: Mt940Field, currency: CurrencyCode, warn: (w: string) => void): bigint {
  const m = /^([CD])(\d{6})([A-Z]{3})([\d,]+)\s*$/.exec(f.value.trim());
  if (!m) fail(`cannot read the :${f.tag}: balance "${f.value.trim()}"`, `line ${f.line}`);
  yymmdd(m[2] ?? '', f.line, warn);
  if (m[3] !== currency) fail(`balance in ${m[3]} in a ${currency} statement`, `line ${f.line}`);
  const minor = minorAt(m[4] ?? '', currency, `line ${f.line}`, ',');
  return m[1] === 'D' ? -minor : minor;
}

function transaction(
  line61: Mt940Field,
  info: Mt940Field | undefined,
  currency: CurrencyCode,
  warn: (w: string) => void,
): DraftTransaction {
  const s = parseStatementLine(line61.value, currency, line61.line, warn);
  const d = info ? parseDetails(info.value) : undefined;
  // Rabobank puts the counterparty's account on the line after :61: instead of in :86:.
  const supplementaryAccount = /^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(s.supplementary ?? '')
    ? s.supplementary
    : null;
  const account = d?.account ?? supplementaryAccount;
  const eref = d?.endToEndId ?? null;
  // The structured reference: a valid RF creditor reference wherever it appears, else the
  // Dutch structured REMI, else the SEPA end-to-end reference (EREF) the payer's bank carried.
  const reference =
    findCreditorReference(eref) ??
    findCreditorReference(d?.remittance ?? null) ??
    d?.structuredReference ??
    eref;
  return {
    bookingDate: s.entryDate ?? s.valueDate,
    valueDate: s.valueDate,
    amount: s.amount,
    currency,
    counterpartyName: d?.name ?? null,
    counterpartyIban: ibanOrNull(account),
    counterpartyAccount: account,
    reference,
    remittance: d?.remittance ?? null,
    endToEndId: eref,
    bankReference: s.bankReference,
  };
}
