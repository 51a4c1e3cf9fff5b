import type { Command } from 'commander';
import { asCurrency, type CurrencyCode } from '../../core/currency.ts';
import { formatDecimal, formatMoney } from '../../core/money.ts';
import type { StoredBankLine } from '../../engine/cash-ports.ts';
import type { CommandContext } from '../context.ts';
import { toJson } from '../table.ts';

/** Why a line waits, in plain words. */
export const waitingReasons: Readonly<Record<string, string>> = {
  below_threshold: 'no proposal is certain enough to apply on its own',
  too_close: 'two or more proposals are about as likely',
  same_amount: 'the customer has another open invoice of the same amount',
  conflicting_reference: 'the payment names one invoice while the amount fits another',
  currency_mismatch: 'the payment names an invoice in another currency',
  no_candidate: 'no open invoice fits',
};

/** `dunwise cash queue`: bank lines waiting for a person, with ranked proposals and why. */
export function register(cash: Command, ctx: CommandContext): void {
  cash
    .command('queue')
    .description('list the bank lines waiting for review, each with its ranked proposals and the evidence for them')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }, command: Command) => {
      await ctx.withApp(command, async (app) => {
        const lines = await app.cash.queue();
        if (opts.json) ctx.io.out(toJson(lines.map(lineJson)));
        else ctx.io.out(lines.length === 0 ? 'Nothing waits for review.' : [`${lines.length} bank line${lines.length === 1 ? '' : 's'} waiting for review:`, ...lines.map(lineText)].join('\n\n'));
      });
    });
}

const cur = (code: string): CurrencyCode => asCurrency(code) as CurrencyCode;

function lineJson(l: StoredBankLine): unknown {
  const c = cur(l.currency);
  return {
    id: l.id, entryId: l.entryId, file: l.file, bookingDate: l.bookingDate, valueDate: l.valueDate, amount: formatDecimal(l.amount, c), currency: l.currency,
    counterpartyName: l.counterpartyName, counterpartyIban: l.counterpartyIban, reference: l.reference, remittance: l.remittance, endToEndId: l.endToEndId,
    status: l.status, reason: l.reason,
    proposals: l.proposals.map((p) => ({
      score: p.score, accountId: p.accountId, accountName: p.accountName,
      invoices: p.invoices.map((i) => ({ number: i.number, amount: formatDecimal(BigInt(i.amountMinor), c) })),
      remainder: formatDecimal(BigInt(p.remainderMinor), c), short: formatDecimal(BigInt(p.shortMinor), c), signals: p.signals,
    })),
  };
}

function lineText(l: StoredBankLine): string {
  const c = cur(l.currency);
  const said = [l.reference, l.remittance].filter((x) => x !== null).join(' / ');
  const out = [
    `#${l.id}  ${l.bookingDate ?? l.valueDate ?? '-'}  ${formatMoney({ minor: l.amount, currency: c })}  from ${l.counterpartyName ?? '(no name)'}${l.counterpartyIban ? ` (${l.counterpartyIban})` : ''}`,
    `    says: ${said === '' ? '(nothing)' : `"${said}"`}`,
    `    ${l.status}: ${waitingReasons[l.reason ?? ''] ?? l.reason ?? ''}`,
  ];
  l.proposals.forEach((p, i) => {
    const invoices = p.invoices.map((inv) => `${inv.number} ${formatMoney({ minor: BigInt(inv.amountMinor), currency: c })}`).join(' + ');
    out.push(`    ${i + 1}. score ${p.score.toFixed(2)}  ${p.accountName}: ${invoices}`);
    for (const s of p.signals) out.push(`         ${s.weight >= 0 ? '+' : '-'} ${s.text}`);
  });
  const first = l.proposals[0]?.invoices[0]?.number;
  out.push(first === undefined ? `    dunwise cash apply ${l.id} --invoice <number>   or   dunwise cash reject ${l.id} --reason "..."` : `    dunwise cash apply ${l.id} --invoice ${first}   or   dunwise cash reject ${l.id} --reason "..."`);
  return out.join('\n');
}
