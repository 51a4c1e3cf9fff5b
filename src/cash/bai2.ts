// BAI2 cash-management files (01 file, 02 group, 03 account, 16 detail, 49/98/99 trailers).
import type { CurrencyCode } from '../core/currency.ts';
import type { LocalDate } from '../core/local-date.ts';
import { currencyAt } from './amount.ts';
import { bai2Amount, detailTransaction, fundsDetailLength } from './bai2-detail.ts';
import { allFields, splitBai2, type Bai2Record } from './bai2-records.ts';
import { withEntryIds, type DraftStatement, type DraftTransaction } from './entry-id.ts';
import { yymmdd } from './mt940-dates.ts';
import { fail, type Statement } from './statement.ts';

type Group = { readonly asOf: LocalDate; readonly currency: string };
type Account = { draft: Omit<DraftStatement, 'transactions'>; transactions: DraftTransaction[] };

/** Parses a BAI2 file: one statement per 03 account record. */
export function parseBai2(text: string, warn: (w: string) => void): Statement[] {
  const records = splitBai2(text);
  const first = records[0];
  if (first?.code !== '01') {
    fail(
      `a BAI2 file starts with a 01 file header, found record "${first?.code ?? ''}"`,
      `line ${first?.line ?? 1}`,
    );
  }
  if ((first.fields[7] ?? '').trim() !== '2')
    fail('only BAI version 2 files are read', `line ${first.line}`);
  const statements: Statement[] = [];
  let group: Group | null = null;
  let account: Account | null = null;
  let ended = false;
  for (const r of records.slice(1)) {
    if (ended) fail(`record ${r.code} after the 99 file trailer`, `line ${r.line}`);
    switch (r.code) {
      case '02': {
        const currency = (r.fields[5] ?? '').trim();
        group = { asOf: yymmdd((r.fields[3] ?? '').trim(), r.line, warn), currency };
        break;
      }
      case '03':
        if (group === null) fail('03 account record outside a 02 group', `line ${r.line}`);
        if (account !== null)
          fail("03 account record before the previous account's 49 trailer", `line ${r.line}`);
        account = openAccount(r, group);
        break;
      case '16': {
        if (account === null || group === null)
          fail('16 detail record outside an account', `line ${r.line}`);
        const t = detailTransaction(r, account.draft.currency, group.asOf, warn);
        if (t !== null) account.transactions.push(t);
        break;
      }
      case '49':
        if (account === null)
          fail('49 account trailer without an 03 account record', `line ${r.line}`);
        statements.push(
          withEntryIds('bai2', { ...account.draft, transactions: account.transactions }),
        );
        account = null;
        break;
      case '98':
        if (account !== null)
          fail("98 group trailer before the account's 49 trailer", `line ${r.line}`);
        group = null;
        break;
      case '99':
        ended = true;
        break;
      default:
        fail(`unknown BAI2 record code "${r.code}"`, `line ${r.line}`);
    }
  }
  if (!ended)
    fail(
      'the file ends without a 99 file trailer (truncated?)',
      `line ${records.at(-1)?.line ?? 1}`,
    );
  return statements;
}

/** An 03 record: account, currency (else the group's, else USD), and its status amounts. */
function openAccount(r: Bai2Record, group: Group): Account {
  const fields = allFields(r);
  const number = (fields[0] ?? '').trim();
  if (number === '') fail('03 account record without an account number', `line ${r.line}`);
  const currency: CurrencyCode = currencyAt(
    (fields[1] ?? '').trim() || group.currency || 'USD',
    `line ${r.line}`,
  );
  const status = new Map<string, bigint | null>();
  for (let i = 2; i < fields.length;) {
    const code = (fields[i] ?? '').trim();
    const funds = fields[i + 3] ?? '';
    if (code !== '') status.set(code, bai2Amount(fields[i + 1] ?? '', r.line));
    i += 4 + fundsDetailLength(funds, fields.slice(i + 4), r.line);
  }
  return {
    draft: {
      id: `${number}@${group.asOf}`,
      account: number,
      currency,
      openingBalance: status.get('010') ?? null,
      closingBalance: status.get('015') ?? null,
    },
    transactions: [],
  };
}
