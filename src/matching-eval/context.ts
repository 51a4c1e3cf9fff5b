// What the line makers share while a dataset is generated, and their small helpers.
import { addDays } from '../core/local-date.ts';
import type { CurrencyCode } from '../core/currency.ts';
import type { BankLine, OpenInvoice } from '../core/matching/types.ts';
import type { Random } from '../demo/random.ts';
import type { SimAccount, SimLedger } from './ledger.ts';

/** The state line makers share: the ledger, the random stream, invoices already paid. */
export type GenContext = {
  readonly random: Random;
  readonly ledger: SimLedger;
  readonly used: Set<number>;
  readonly accountOf: (inv: OpenInvoice) => SimAccount;
};

/** An unpaid invoice picked at random (optionally one with an RF reference), now marked paid. */
export function takeInvoice(ctx: GenContext, withReference = false): OpenInvoice | null {
  for (let tries = 0; tries < 50; tries++) {
    const inv = ctx.random.pick(ctx.ledger.invoices);
    if (ctx.used.has(inv.id) || (withReference && inv.paymentReference === null)) continue;
    ctx.used.add(inv.id);
    return inv;
  }
  return null;
}

/** A base line for invoices of `account`, paid some days after the invoice date. */
export function baseLine(ctx: GenContext, first: OpenInvoice, amountMinor: bigint): BankLine {
  return {
    amountMinor,
    currency: first.currency,
    bookingDate: addDays(first.issueDate ?? first.dueDate, ctx.random.int(3, 75)),
    counterpartyName: null,
    counterpartyIban: null,
    reference: null,
    remittance: null,
    endToEndId: ctx.random.chance(0.7) ? 'NOTPROVIDED' : null,
  };
}

/** The currency code type for generated lines. */
export function currency(code: string): CurrencyCode {
  return code as CurrencyCode;
}
