import type { Command } from 'commander';
import { invalid } from '../../core/errors.ts';
import { demoLedger } from '../../demo/demo-ledger.ts';
import { importInvoices } from '../../engine/import-invoices.ts';
import { importPayments } from '../../engine/import-payments.ts';
import { ledgerSummary } from '../../engine/ledger-summary.ts';
import type { ImportItem } from '../../engine/import-report.ts';
import type { CommandContext } from '../context.ts';
import { summaryText } from './ledger-show.ts';

/** `dunwise demo`: builds a seeded demo ledger in the store and prints its aging. */
export function register(program: Command, ctx: CommandContext): void {
  program
    .command('demo')
    .description('build a realistic demo ledger (about 500 customers, 12 months of invoices and payments) and show its aging')
    .option('--accounts <n>', 'number of customers', '500')
    .option('--seed <n>', 'random seed: the same seed gives the same ledger', '20261123')
    .action(async (opts: { accounts: string; seed: string }, command: Command) => {
      const accounts = Number(opts.accounts);
      const seed = Number(opts.seed);
      if (!Number.isInteger(accounts) || accounts < 1 || accounts > 100_000) invalid('--accounts must be a whole number from 1 to 100000');
      if (!Number.isInteger(seed)) invalid('--seed must be a whole number');
      await ctx.withApp(command, async (app) => {
        const today = app.clock.today(app.config.timeZone);
        const demo = demoLedger(today, { accounts, seed });
        const where = (i: number): string => `demo record ${i + 1}`;
        const inv = await importInvoices(app.ledger, {
          file: 'demo',
          fileHash: `demo:${seed}:${accounts}:${today}`,
          items: demo.invoices.map((record, i): ImportItem<typeof record> => ({ kind: 'record', where: where(i), record })),
          defaults: app.accountDefaults,
          actor: 'demo',
        });
        const pay = await importPayments(app.ledger, {
          file: 'demo-payments',
          fileHash: `demo-payments:${seed}:${accounts}:${today}`,
          items: demo.payments.map((record, i): ImportItem<typeof record> => ({ kind: 'record', where: where(i), record })),
          actor: 'demo',
        });
        ctx.io.out(
          `Demo ledger in ${app.handle.location}: ${demo.accounts} customers, ${inv.records} invoices and credit notes (${inv.inserted} new, ${inv.unchanged} unchanged, ${inv.updated} updated), ${pay.records} payments (${pay.inserted} new, ${pay.unchanged} already there).\n`,
        );
        ctx.io.out(summaryText(await ledgerSummary(app.reader, today)));
        ctx.io.out('\nNext: `dunwise accounts show C00001`, `dunwise ledger --json`.');
      });
    });
}
