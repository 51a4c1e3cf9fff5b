// ISO 20022 bank-to-customer messages: camt.052 reports, camt.053 statements, camt.054 notifications.
import type { CurrencyCode } from '../core/currency.ts';
import { currencyAt, minorAt } from './amount.ts';
import { entryTransactions } from './camt-entry.ts';
import { withEntryIds } from './entry-id.ts';
import { fail, type Statement, type StatementFormat } from './statement.ts';
import { at, child, childrenNamed, parseXml, textAt, type XmlElement } from './xml-tree.ts';

type CamtFormat = Extract<StatementFormat, `camt.${string}`>;

/** The message element under Document and the repeated record inside it, per message type. */
const layouts = {
  'camt.052': { message: 'BkToCstmrAcctRpt', record: 'Rpt' },
  'camt.053': { message: 'BkToCstmrStmt', record: 'Stmt' },
  'camt.054': { message: 'BkToCstmrDbtCdtNtfctn', record: 'Ntfctn' },
} as const satisfies Record<CamtFormat, { message: string; record: string }>;

/** Parses a camt.052/053/054 document of any version (02 to 08 and later share these elements). */
export function parseCamt(
  text: string,
  warn: (w: string) => void,
): { format: CamtFormat; statements: Statement[] } {
  const root = parseXml(text);
  const format = formatOf(root, text);
  const { message, record } = layouts[format];
  const body = child(root, message);
  if (body === undefined) fail(`expected a ${message} element for ${format}`, root.path);
  const records = childrenNamed(body, record);
  if (records.length === 0) fail(`${format} message without any ${record} element`, body.path);
  return { format, statements: records.map((r) => withEntryIds(format, readRecord(r, warn))) };
}

function formatOf(root: XmlElement, text: string): CamtFormat {
  if (root.name !== 'Document')
    fail(`expected a Document root element, found ${root.name}`, root.path);
  const byNamespace = /urn:iso:std:iso:20022:tech:xsd:(camt\.05[234])\.\d{3}\.\d{2}/.exec(
    text,
  )?.[1];
  const byElement = (Object.keys(layouts) as CamtFormat[]).find((f) =>
    child(root, layouts[f].message),
  );
  if (byElement === undefined) fail('not a camt.052, camt.053 or camt.054 message', root.path);
  if (byNamespace !== undefined && byNamespace !== byElement) {
    fail(`namespace says ${byNamespace} but the message is ${byElement}`, root.path);
  }
  return byElement;
}

function readRecord(record: XmlElement, warn: (w: string) => void) {
  const accountId = at(record, 'Acct', 'Id');
  const account = textAt(accountId, 'IBAN') ?? textAt(accountId, 'Othr', 'Id');
  if (account === null)
    fail('the account has neither an IBAN nor another Id', `${record.path}/Acct`);
  const currency = recordCurrency(record);
  const transactions = childrenNamed(record, 'Ntry').flatMap((e) => entryTransactions(e, warn));
  return {
    id: textAt(record, 'Id'),
    account,
    currency,
    openingBalance: balance(record, ['OPBD', 'PRCD'], currency, warn),
    closingBalance: balance(record, ['CLBD'], currency, warn),
    transactions,
  };
}

/** Acct/Ccy when given; else the currency of the first balance or entry. */
function recordCurrency(record: XmlElement): CurrencyCode {
  const declared = at(record, 'Acct', 'Ccy');
  if (declared !== undefined) return currencyAt(declared.text, declared.path);
  const amount = at(record, 'Bal', 'Amt') ?? at(record, 'Ntry', 'Amt');
  if (amount === undefined) fail('no Acct/Ccy and no amount to take a currency from', record.path);
  return currencyAt(amount.attributes['Ccy'] ?? '', `${amount.path}/@Ccy`);
}

/** The first balance of the given type codes, signed; null when absent or in another currency. */
function balance(
  record: XmlElement,
  codes: readonly string[],
  currency: CurrencyCode,
  warn: (w: string) => void,
): bigint | null {
  const balances = childrenNamed(record, 'Bal');
  for (const code of codes) {
    const bal = balances.find((b) => textAt(b, 'Tp', 'CdOrPrtry', 'Cd') === code);
    const amt = child(bal, 'Amt');
    if (bal === undefined || amt === undefined) continue;
    const balCurrency = currencyAt(amt.attributes['Ccy'] ?? '', `${amt.path}/@Ccy`);
    const minor = minorAt(amt.text, balCurrency, amt.path);
    if (balCurrency !== currency) {
      warn(
        `${bal.path}: ${code} balance is in ${balCurrency}, not the account currency ${currency}; ignored`,
      );
      return null;
    }
    const indicator = textAt(bal, 'CdtDbtInd');
    if (indicator !== 'CRDT' && indicator !== 'DBIT') {
      fail(`CdtDbtInd must be CRDT or DBIT, found "${indicator ?? ''}"`, `${bal.path}/CdtDbtInd`);
    }
    return indicator === 'DBIT' ? -minor : minor;
  }
  return null;
}
