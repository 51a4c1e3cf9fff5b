// The cash benchmark's ledger: `invoices` open invoices of `accounts` customers in several
// countries and currencies (ten per customer on average), half with an RF reference, a share of
// recurring same-amount fees, and payers learned from earlier months. Built with the matching
// evaluation's names and payer habits, so the statements written from it look like its data.
import { asCurrency, type CurrencyCode } from '../src/core/currency.ts';
import type { InvoiceRecord } from '../src/core/ledger.ts';
import { addDays, fromEpochDay, toEpochDay, type LocalDate } from '../src/core/local-date.ts';
import { creditorReference } from '../src/core/matching/creditor-reference.ts';
import { payerNameKey } from '../src/core/matching/payer-name.ts';
import type { OpenInvoice } from '../src/core/matching/types.ts';
import { Random } from '../src/demo/random.ts';
import type { ImportItem } from '../src/engine/import-report.ts';
import { bankRendering, companyName, pickCountry } from '../src/matching-eval/companies.ts';
import { randomIban } from '../src/matching-eval/iban.ts';
import type { SimAccount, SimLedger } from '../src/matching-eval/ledger.ts';

/** The simulated ledger and the account refs the store knows its customers by. */
export type CashLedger = SimLedger & { readonly refOf: (accountId: number) => string };

const firstIssue = toEpochDay('2025-09-01' as LocalDate);
// Made-up brand syllables: most customers get a distinctive first word, as real ledgers have.
// prettier-ignore
const syllables = ['al', 'bar', 'cor', 'dan', 'el', 'fen', 'gar', 'hel', 'in', 'jor', 'kal', 'lum', 'mar', 'nor', 'ost', 'pel', 'quin', 'ros', 'sal', 'tor', 'ul', 'ven', 'wes', 'xan', 'yor', 'zen', 'bri', 'dal', 'fro', 'gil'];

function brand(n: number): string {
  let word = '';
  for (let k = n + 900; k > 0; k = Math.floor(k / syllables.length)) word += syllables[k % syllables.length];
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** Builds the ledger, the same for the same seed. Invoice ids count from 1 in creation order. */
export function cashLedger(invoiceCount: number, accountCount: number, seed = 20261123): CashLedger {
  const random = new Random(seed);
  const accounts: SimAccount[] = [];
  const ibans = new Map<string, number>();
  const names = new Map<string, number>();
  for (let id = 1; id <= accountCount; id++) {
    const country = pickCountry(random);
    const name = random.chance(0.8) ? `${brand(id)} ${random.pick(country.trades)} ${random.pick(country.forms)}` : companyName(random, country);
    const iban = country.ibanLength > 0 ? randomIban(random, country.code, country.ibanLength) : null;
    accounts.push({ id, name, country, iban, invoices: [] });
    if (iban !== null && random.chance(0.6)) ibans.set(iban, id);
    if (random.chance(0.2)) names.set(payerNameKey(bankRendering(random, name)), id);
  }
  const invoices: OpenInvoice[] = [];
  for (let id = 1; id <= invoiceCount; id++) {
    // Customers at random, as invoices are issued: numbers of one customer are not one typo apart.
    const account = random.pick(accounts);
    // One customer in twenty pays a fixed monthly fee: open invoices of one amount.
    const amount = account.id % 20 === 0 ? 9_900n + BigInt(account.id % 50) * 10_000n : randomAmount(random);
    const issueDate = fromEpochDay(firstIssue + random.int(0, 185));
    const inv: OpenInvoice = {
      id,
      number: `INV-${issueDate.slice(0, 4)}-${String(id).padStart(7, '0')}`,
      accountId: account.id,
      accountName: account.name,
      currency: asCurrency(account.country.currency) as CurrencyCode,
      openMinor: amount,
      issueDate,
      dueDate: addDays(issueDate, random.pick([14, 30, 30, 45, 60])),
      paymentReference: random.chance(0.5) ? creditorReference(`7${String(id).padStart(8, '0')}`) : null,
    };
    account.invoices.push(inv);
    invoices.push(inv);
  }
  return { accounts, invoices, knowledge: { ibans, names }, refOf: (id) => `CU-${String(id).padStart(6, '0')}` };
}

/** Amounts from 20.00 to about 40,000.00, log-spread; one in six is a round figure. */
function randomAmount(random: Random): bigint {
  const major = Math.floor(20 * Math.pow(2000, random.next()));
  if (random.chance(1 / 6)) return BigInt(Math.max(1, Math.round(major / 50)) * 50) * 100n;
  return BigInt(major) * 100n + BigInt(random.int(0, 99));
}

/** The ledger as invoice import records, in id order (so a fresh store gives the invoices the same ids). */
export function* ledgerRecords(ledger: CashLedger): Generator<ImportItem<InvoiceRecord>> {
  const byId = new Map(ledger.accounts.map((a) => [a.id, a]));
  for (const inv of ledger.invoices) {
    const account = byId.get(inv.accountId) as SimAccount;
    const record: InvoiceRecord = {
      number: inv.number, kind: 'invoice', accountRef: ledger.refOf(account.id), accountName: account.name, currency: inv.currency,
      issueDate: inv.issueDate as LocalDate, dueDate: inv.dueDate, dueDateSource: 'explicit', totalMinor: inv.openMinor, openMinor: inv.openMinor,
      paymentReference: inv.paymentReference, poNumber: null, terms: null, correctsNumber: null,
      buyerEmail: `ap@${ledger.refOf(account.id).toLowerCase()}.example`, country: account.country.code, instalments: [],
    };
    yield { kind: 'record', where: `invoice ${inv.id}`, record };
  }
}
