// The simulated open-items ledger: customers in several countries, dense invoice numbering,
// RF references on part of the invoices, recurring same-amount invoices, learned payers.
import { creditorReference } from '../core/matching/creditor-reference.ts';
import { payerNameKey } from '../core/matching/payer-name.ts';
import { addDays, fromEpochDay, toEpochDay, type LocalDate } from '../core/local-date.ts';
import type { CurrencyCode } from '../core/currency.ts';
import type { OpenInvoice, PayerKnowledge } from '../core/matching/types.ts';
import type { Random } from '../demo/random.ts';
import { bankRendering, companyName, pickCountry, type Country } from './companies.ts';
import { randomIban } from './iban.ts';

/** A simulated customer and how it pays. */
export type SimAccount = {
  readonly id: number;
  readonly name: string;
  readonly country: Country;
  /** The IBAN it usually pays from (null for US payers). */
  readonly iban: string | null;
  readonly invoices: OpenInvoice[];
};

/** The ledger side of a dataset. */
export type SimLedger = { accounts: SimAccount[]; invoices: OpenInvoice[]; knowledge: PayerKnowledge };

const start = toEpochDay('2024-01-01' as LocalDate);

/**
 * Builds `invoiceCount` open invoices over about one account per 25 invoices. A share of the
 * customers paid before, so their IBAN (60 %) or their bank-written name (20 %) is known.
 */
export function simulateLedger(random: Random, invoiceCount: number): SimLedger {
  const accountCount = Math.max(4, Math.round(invoiceCount / 25));
  const accounts: SimAccount[] = [];
  const usedNames = new Set<string>();
  const ibans = new Map<string, number>();
  const names = new Map<string, number>();
  for (let id = 1; id <= accountCount; id++) {
    const country = pickCountry(random);
    let name = companyName(random, country);
    for (let tries = 0; tries < 5 && usedNames.has(payerNameKey(name)); tries++) name = companyName(random, country);
    usedNames.add(payerNameKey(name));
    const iban = country.ibanLength > 0 ? randomIban(random, country.code, country.ibanLength) : null;
    accounts.push({ id, name, country, iban, invoices: [] });
    if (iban !== null && random.chance(0.6)) ibans.set(iban, id);
    if (random.chance(0.2)) names.set(payerNameKey(bankRendering(random, name)), id);
  }
  const invoices: OpenInvoice[] = [];
  let seq = 0;
  while (invoices.length < invoiceCount) {
    const account = random.pick(accounts);
    // One in twenty customers is billed a fixed monthly fee: open invoices of one amount.
    const recurring = account.id % 20 === 0;
    const fee = 9_900n + BigInt(account.id % 50) * 10_000n;
    const batch = recurring ? random.int(1, 2) : 1;
    for (let k = 0; k < batch && invoices.length < invoiceCount; k++) {
      seq++;
      const inv = makeInvoice(random, account, seq, recurring ? fee : randomAmount(random));
      account.invoices.push(inv);
      invoices.push(inv);
    }
  }
  return { accounts, invoices, knowledge: { ibans, names } };
}

function makeInvoice(random: Random, account: SimAccount, seq: number, openMinor: bigint): OpenInvoice {
  const issueDate = fromEpochDay(start + random.int(0, 180));
  const ref = random.chance(0.5) ? creditorReference(`7${String(seq).padStart(8, '0')}`) : null;
  return {
    id: seq,
    number: `INV-2024-${String(seq).padStart(6, '0')}`,
    accountId: account.id,
    accountName: account.name,
    currency: account.country.currency as CurrencyCode,
    openMinor,
    issueDate,
    dueDate: addDays(issueDate, random.pick([14, 30, 30, 45, 60])),
    paymentReference: ref,
  };
}

/** Amounts from 20.00 to about 40,000.00, log-spread; one in six is a round figure. */
function randomAmount(random: Random): bigint {
  const major = Math.floor(20 * Math.pow(2000, random.next()));
  if (random.chance(1 / 6)) return BigInt(Math.max(1, Math.round(major / 50)) * 50) * 100n;
  return BigInt(major) * 100n + BigInt(random.int(0, 99));
}
