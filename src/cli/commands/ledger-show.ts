import type { Command } from 'commander';
import { agingBuckets } from '../../core/aging.ts';
import { asCurrency, type CurrencyCode } from '../../core/currency.ts';
import { formatDecimal, formatGrouped } from '../../core/money.ts';
import { ledgerSummary } from '../../engine/ledger-summary.ts';
import type { CommandContext } from '../context.ts';
import { renderTable, toJson } from '../table.ts';

/** `dunwise ledger`: aging buckets per currency (never summed across currencies). */
export function register(program: Command, ctx: CommandContext): void {
  program
    .command('ledger')
    .description('show receivables aging per currency: current, 1-30, 31-60, 61-90, 90+ days overdue')
    .option('--json', 'print JSON instead of a table')
    .action(async (opts: { json?: boolean }, command: Command) => {
      await ctx.withApp(command, async (app) => {
        const summary = await ledgerSummary(app.reader, app.clock.today(app.config.timeZone));
        ctx.io.out(opts.json ? toJson(summaryJson(summary)) : summaryText(summary));
      });
    });
}

type Summary = Awaited<ReturnType<typeof ledgerSummary>>;

const fmt = (minor: bigint, currency: string): string => formatDecimal(minor, asCurrency(currency) as CurrencyCode);
const show = (minor: bigint, currency: string): string => formatGrouped(minor, asCurrency(currency) as CurrencyCode);

/** The aging summary as JSON: amounts as decimal strings in major units. */
export function summaryJson(s: Summary): unknown {
  return {
    asOf: s.asOf,
    currencies: s.currencies.map((c) => ({
      currency: c.currency,
      buckets: Object.fromEntries(agingBuckets.map((b) => [b, { open: fmt(c.buckets[b].openMinor, c.currency), count: c.buckets[b].count }])),
      total: fmt(c.totalMinor, c.currency),
      count: c.count,
      openCredits: fmt(c.openCreditMinor, c.currency),
      unappliedCash: fmt(c.unappliedCashMinor, c.currency),
    })),
  };
}

/** The aging summary as a table, one row per currency. */
export function summaryText(s: Summary): string {
  if (s.currencies.length === 0) return `Receivables aging as of ${s.asOf}: the ledger is empty. Import invoices with \`dunwise import\`.`;
  const header = ['Currency', ...agingBuckets.map((b) => (b === 'current' ? 'Current' : `${b} days`)), 'Total open', 'Invoices', 'Credits', 'Unapplied cash'];
  const rows = s.currencies.map((c) => [
    c.currency,
    ...agingBuckets.map((b) => show(c.buckets[b].openMinor, c.currency)),
    show(c.totalMinor, c.currency),
    String(c.count),
    show(c.openCreditMinor, c.currency),
    show(c.unappliedCashMinor, c.currency),
  ]);
  const right = new Set(header.map((_h, i) => i).filter((i) => i > 0));
  return `Receivables aging as of ${s.asOf} (open invoice amounts by days past due)\n\n${renderTable(header, rows, right)}`;
}
