import type { Command } from 'commander';
import { asCurrency, type CurrencyCode } from '../../core/currency.ts';
import { invalid } from '../../core/errors.ts';
import { formatMoney, parseDecimal } from '../../core/money.ts';
import { applyBankLine, type ApplyLineResult } from '../../engine/cash-apply-line.ts';
import { rejectBankLine } from '../../engine/cash-reject-line.ts';
import type { App } from '../../compose.ts';
import type { CommandContext } from '../context.ts';
import { toJson } from '../table.ts';

type Part = { invoiceNumber: string; amount: string | null };

/** `dunwise cash apply|split|reject`: a person decides a queued bank line. */
export function register(cash: Command, ctx: CommandContext): void {
  cash
    .command('apply <line-id>')
    .description('apply a queued bank line to one invoice (without --amount: what it owes, up to the line)')
    .requiredOption('--invoice <number>', 'the invoice the money is for')
    .option('--amount <decimal>', 'how much of the line goes to it, e.g. 120.50')
    .option('--json', 'print JSON')
    .action(async (id: string, opts: { invoice: string; amount?: string; json?: boolean }, command: Command) => {
      await ctx.withApp(command, (app) => apply(app, ctx, id, [{ invoiceNumber: opts.invoice, amount: opts.amount ?? null }], opts.json === true));
    });
  cash
    .command('split <line-id>')
    .description('apply a queued bank line to several invoices: --invoice A=100.00 --invoice B=50.00')
    .requiredOption('--invoice <number=amount>', 'an invoice and the amount for it (repeat)', (v: string, all: string[] = []) => [...all, v])
    .option('--json', 'print JSON')
    .action(async (id: string, opts: { invoice: string[]; json?: boolean }, command: Command) => {
      const parts = opts.invoice.map((v): Part => {
        const at = v.lastIndexOf('=');
        if (at <= 0 || at === v.length - 1) invalid(`--invoice must be number=amount, like INV-1=100.00, not "${v}"`);
        return { invoiceNumber: v.slice(0, at), amount: v.slice(at + 1) };
      });
      await ctx.withApp(command, (app) => apply(app, ctx, id, parts, opts.json === true));
    });
  cash
    .command('reject <line-id>')
    .description('set a queued bank line aside (not a customer payment); it stays listed with the reason')
    .requiredOption('--reason <text>', 'why, in words')
    .action(async (id: string, opts: { reason: string }, command: Command) => {
      await ctx.withApp(command, async (app) => {
        const done = await rejectBankLine(app.cash, { lineId: lineId(id), reason: opts.reason, actor: 'cli' });
        ctx.io.out(`Bank line ${done.lineId} set aside: ${done.reason}`);
      });
    });
}

function lineId(text: string): number {
  if (!/^\d+$/.test(text) || Number(text) <= 0 || !Number.isSafeInteger(Number(text))) invalid(`a bank line id is a number, as \`dunwise cash queue\` shows it, not "${text}"`);
  return Number(text);
}

async function apply(app: App, ctx: CommandContext, id: string, parts: readonly Part[], json: boolean): Promise<void> {
  const n = lineId(id);
  const line = await app.cash.line(n);
  const currency = asCurrency(line?.currency ?? 'EUR') as CurrencyCode;
  const result = await applyBankLine(app.cash, {
    lineId: n,
    actor: 'cli',
    parts: parts.map((p) => {
      if (p.amount === null) return { invoiceNumber: p.invoiceNumber, amountMinor: null };
      const parsed = parseDecimal(p.amount, currency);
      if (parsed.kind === 'error') invalid(`amount for ${p.invoiceNumber}: ${parsed.reason}`);
      return { invoiceNumber: p.invoiceNumber, amountMinor: parsed.minor };
    }),
  });
  ctx.io.out(json ? toJson(result) : resultText(result));
}

function resultText(r: ApplyLineResult): string {
  const m = (minor: bigint): string => formatMoney({ minor, currency: asCurrency(r.currency) as CurrencyCode });
  const lines = [`Bank line ${r.lineId} applied:`];
  for (const a of r.applied) {
    const state = a.openMinor === 0n ? 'now paid' : `${m(a.openMinor)} still open`;
    lines.push(`  ${a.number}: ${m(a.amountMinor)} (${state}${a.writtenOffMinor > 0n ? `; ${m(a.writtenOffMinor)} written off as bank charges` : ''})`);
  }
  if (r.remainderMinor > 0n) lines.push(`  ${m(r.remainderMinor)} stays unapplied on the customer's account (${r.remainderReason ?? 'unapplied'})`);
  return lines.join('\n');
}
