import { asCurrency, exponentOf, type CurrencyCode } from '../core/currency.ts';
import type { InvoiceRecord, PaymentRecord } from '../core/ledger.ts';
import { addDays, type LocalDate } from '../core/local-date.ts';
import { companyName, pickCountry, type DemoCountry } from './demo-companies.ts';
import { Random } from './random.ts';

/** How an invented customer pays: days after the due date, and how often it pays at all. */
const behaviours = [
  { name: 'punctual', weight: 45, lateMin: -5, lateMax: 2, payRate: 0.99 },
  { name: 'relaxed', weight: 30, lateMin: 0, lateMax: 20, payRate: 0.97 },
  { name: 'slow', weight: 17, lateMin: 10, lateMax: 55, payRate: 0.93 },
  { name: 'chronic', weight: 8, lateMin: 30, lateMax: 120, payRate: 0.8 },
] as const;

export type DemoLedger = {
  readonly accounts: number;
  readonly invoices: readonly InvoiceRecord[];
  readonly payments: readonly PaymentRecord[];
};

/**
 * A realistic, seeded demo ledger ending on `today`: customers in nine countries and six
 * currencies, twelve months of invoices with net-14 to net-60 terms, paid on time, late,
 * partly, or not at all; a few credit notes and unapplied payments. Same seed, same ledger.
 */
export function demoLedger(today: LocalDate, options: { accounts?: number; seed?: number } = {}): DemoLedger {
  const random = new Random(options.seed ?? 20261123);
  const accountCount = options.accounts ?? 500;
  const invoices: InvoiceRecord[] = [];
  const payments: PaymentRecord[] = [];
  let invoiceSeq = 10000;
  let paymentSeq = 1;
  for (let a = 1; a <= accountCount; a++) {
    const country = pickCountry(random);
    const currency = asCurrency(country.currency) as CurrencyCode;
    const { name, email } = companyName(random, country);
    const accountRef = `C${String(a).padStart(5, '0')}`;
    const behaviour = pickBehaviour(random);
    const terms = random.pick([14, 30, 30, 30, 45, 60]);
    const perMonth = random.pick([0.5, 1, 1, 2, 3]);
    const scale = amountScale(country, random);
    for (let day = -365; day <= -1; day += Math.max(3, Math.round(30 / perMonth + random.int(-4, 4)))) {
      const issueDate = addDays(today, day);
      const dueDate = addDays(issueDate, terms);
      const total = roundTo(BigInt(Math.round(scale * (0.3 + random.next() * 2.2))), currency);
      const number = `INV-${invoiceSeq++}`;
      invoices.push(invoice(number, accountRef, name, email, country, currency, issueDate, dueDate, total, terms));
      const payDay = addDays(dueDate, random.int(behaviour.lateMin, behaviour.lateMax));
      if (payDay >= today || !random.chance(behaviour.payRate)) continue;
      const partial = random.chance(0.04);
      const amount = partial ? roundTo(total / 2n, currency) : total;
      payments.push({ ref: `PAY-${paymentSeq++}`, accountRef, invoiceNumber: number, currency, amountMinor: amount, receivedOn: payDay, reference: number });
      if (random.chance(0.03)) {
        const credit = roundTo(total / 10n, currency);
        invoices.push({ ...invoice(`CN-${invoiceSeq++}`, accountRef, name, email, country, currency, addDays(issueDate, 5), null, credit, terms), kind: 'credit_note', correctsNumber: number, dueDateSource: 'missing' });
      }
    }
    if (random.chance(0.02)) {
      payments.push({ ref: `PAY-${paymentSeq++}`, accountRef: null, invoiceNumber: null, currency, amountMinor: roundTo(BigInt(Math.round(scale)), currency), receivedOn: addDays(today, -random.int(1, 20)), reference: `Remittance ${name}` });
    }
  }
  return { accounts: accountCount, invoices, payments };
}

function invoice(number: string, accountRef: string, accountName: string, email: string, c: DemoCountry, currency: CurrencyCode, issueDate: LocalDate, dueDate: LocalDate | null, total: bigint, terms: number): InvoiceRecord {
  return {
    number, kind: 'invoice', accountRef, accountName, currency, issueDate, dueDate,
    dueDateSource: dueDate ? 'explicit' : 'missing', totalMinor: total, openMinor: total,
    paymentReference: number, poNumber: null, terms: `Net ${terms} days`, correctsNumber: null,
    buyerEmail: email, country: c.country, instalments: [],
  };
}

function pickBehaviour(random: Random): (typeof behaviours)[number] {
  let roll = random.int(1, 100);
  for (const b of behaviours) {
    roll -= b.weight;
    if (roll <= 0) return b;
  }
  return behaviours[0];
}

/** A typical invoice size in minor units for the country's currency. */
function amountScale(c: DemoCountry, random: Random): number {
  const base = random.pick([400, 900, 1500, 2500, 6000, 15000]);
  const perUnit = c.currency === 'JPY' ? 150 : c.currency === 'SEK' ? 1100 : 100;
  return base * perUnit;
}

/** Rounds to whole major units (or 10 yen): invoice totals look like real ones. */
function roundTo(minor: bigint, currency: CurrencyCode): bigint {
  const unit = exponentOf(currency) === 0 ? 10n : 10n ** BigInt(exponentOf(currency)) / 100n;
  const step = unit * 5n;
  return ((minor + step - 1n) / step) * step;
}
