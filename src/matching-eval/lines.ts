// One bank line per scenario, with the invoices it truly pays.
import type { BankLine, OpenInvoice } from '../core/matching/types.ts';
import { bankRendering, otherPayer } from './companies.ts';
import { baseLine, currency, takeInvoice, type GenContext } from './context.ts';
import { randomIban } from './iban.ts';
import type { SimAccount } from './ledger.ts';
import type { Scenario } from './scenarios.ts';
import { genericNote, mistype, noteFor, writeNumber, writeReference } from './writing.ts';
import { noMatchLine } from './no-match.ts';

/** A generated line and its truth. */
export type MadeLine = { scenario: Scenario; line: BankLine; truth: number[] };

/** Makes a line of `scenario`, or null when the ledger has nothing left that fits. */
export function makeLine(ctx: GenContext, scenario: Scenario): MadeLine | null {
  const { random } = ctx;
  switch (scenario) {
    case 'reference_exact':
    case 'foreign_payer_ref': {
      const inv = takeInvoice(ctx, true);
      if (inv === null) return null;
      return single(ctx, scenario, inv, inv.openMinor, 'reference', scenario === 'foreign_payer_ref');
    }
    case 'number_exact':
    case 'number_typo':
    case 'name_amount': {
      const inv = takeInvoice(ctx);
      if (inv === null) return null;
      const how = scenario === 'number_exact' ? 'number' : scenario === 'number_typo' ? 'typo' : 'none';
      const amount = scenario === 'number_typo' && random.chance(0.2) ? inv.openMinor - fee(ctx, inv) : inv.openMinor;
      return single(ctx, scenario, inv, amount, how, false);
    }
    case 'partial_ref':
    case 'fee_ref':
    case 'over_ref':
    case 'fee_name': {
      const inv = takeInvoice(ctx);
      if (inv === null) return null;
      const amount =
        scenario === 'partial_ref'
          ? (inv.openMinor * BigInt(random.int(20, 80))) / 100n
          : scenario === 'over_ref'
            ? inv.openMinor + BigInt(random.int(100, 5_000))
            : inv.openMinor - fee(ctx, inv);
      const how = scenario === 'fee_name' ? 'none' : inv.paymentReference !== null && random.chance(0.5) ? 'reference' : 'number';
      return single(ctx, scenario, inv, amount, how, false);
    }
    case 'combined_named':
    case 'combined_unnamed':
      return combined(ctx, scenario);
    case 'same_amount':
      return sameAmount(ctx);
    case 'wrong_reference': {
      const inv = takeInvoice(ctx);
      const other = random.pick(ctx.ledger.invoices);
      if (inv === null || other.id === inv.id) return null;
      const made = single(ctx, scenario, inv, inv.openMinor, 'none', false);
      return { ...made, line: { ...made.line, remittance: noteFor(random, [writeNumber(random, other.number)]) } };
    }
    case 'currency_mismatch': {
      const inv = takeInvoice(ctx, true);
      if (inv === null) return null;
      const made = single(ctx, scenario, inv, inv.openMinor, 'reference', false);
      const other = inv.currency === 'USD' ? 'EUR' : 'USD';
      return { ...made, line: { ...made.line, currency: currency(other) }, truth: [] };
    }
    case 'no_match':
      return { scenario, line: noMatchLine(random, random.pick(ctx.ledger.invoices)), truth: [] };
  }
}

function fee(ctx: GenContext, inv: OpenInvoice): bigint {
  const byShare = (inv.openMinor * BigInt(ctx.random.int(5, 50))) / 10_000n;
  const fixed = BigInt(ctx.random.int(3, 15)) * 100n;
  const f = ctx.random.chance(0.5) ? byShare : fixed;
  return f > inv.openMinor / 20n ? inv.openMinor / 20n : f > 0n ? f : 1n;
}

type How = 'reference' | 'number' | 'typo' | 'none';

function single(ctx: GenContext, scenario: Scenario, inv: OpenInvoice, amount: bigint, how: How, foreign: boolean): MadeLine {
  const { random } = ctx;
  let line = withPayer(ctx, baseLine(ctx, inv, amount), ctx.accountOf(inv), foreign);
  if (how === 'reference' && inv.paymentReference !== null) {
    const rf = writeReference(random, inv.paymentReference);
    line = random.chance(0.7) ? { ...line, reference: rf, remittance: genericNote(random) } : { ...line, remittance: `${random.pick(['Ref', 'Referenz', 'Réf.', ''])} ${rf}`.trim() };
  } else if (how === 'number' || how === 'reference') {
    line = { ...line, remittance: noteFor(random, [writeNumber(random, inv.number)]) };
  } else if (how === 'typo') {
    line = { ...line, remittance: noteFor(random, [mistype(random, inv.number)]) };
  } else {
    line = { ...line, remittance: genericNote(random) };
  }
  return { scenario, line, truth: [inv.id] };
}

/** Who pays: usually the customer from its known account, sometimes from a new one or someone else. */
function withPayer(ctx: GenContext, line: BankLine, account: SimAccount, foreign: boolean): BankLine {
  const { random } = ctx;
  if (foreign || random.chance(0.06)) {
    const iban = random.chance(0.7) ? randomIban(random, random.pick(['DE', 'FR', 'GB', 'NL', 'DK', 'PL']), 22) : null;
    return { ...line, counterpartyName: otherPayer(random), counterpartyIban: iban };
  }
  const newAccount = account.iban === null || random.chance(0.15);
  const iban = account.country.ibanLength === 0 ? null : newAccount ? randomIban(random, account.country.code, account.country.ibanLength) : account.iban;
  return { ...line, counterpartyName: bankRendering(random, account.name), counterpartyIban: iban };
}

function openOf(ctx: GenContext, account: SimAccount): OpenInvoice[] {
  return account.invoices.filter((i) => !ctx.used.has(i.id));
}

function combined(ctx: GenContext, scenario: Scenario): MadeLine | null {
  const { random } = ctx;
  for (let tries = 0; tries < 30; tries++) {
    const account = random.pick(ctx.ledger.accounts);
    // Payers settle their oldest invoices first.
    const open = openOf(ctx, account).sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0));
    if (open.length < 2) continue;
    const count = Math.min(open.length, random.int(2, 4));
    const chosen = open.slice(0, count);
    for (const i of chosen) ctx.used.add(i.id);
    const total = chosen.reduce((s, i) => s + i.openMinor, 0n);
    const latest = chosen.reduce((a, b) => ((a.issueDate ?? a.dueDate) >= (b.issueDate ?? b.dueDate) ? a : b));
    const line = withPayer(ctx, baseLine(ctx, latest, total), account, false);
    const remittance = scenario === 'combined_named' ? noteFor(random, chosen.map((i) => writeNumber(random, i.number))) : genericNote(random);
    return { scenario, line: { ...line, remittance }, truth: chosen.map((i) => i.id) };
  }
  return null;
}

function sameAmount(ctx: GenContext): MadeLine | null {
  const { random } = ctx;
  for (let tries = 0; tries < 50; tries++) {
    const account = random.pick(ctx.ledger.accounts);
    const open = openOf(ctx, account);
    const inv = open.find((i) => open.some((j) => j.id !== i.id && j.openMinor === i.openMinor));
    if (inv === undefined) continue;
    ctx.used.add(inv.id);
    return single(ctx, 'same_amount', inv, inv.openMinor, 'none', false);
  }
  return null;
}
