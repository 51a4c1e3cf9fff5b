import type { Command } from 'commander';
import { asCurrency, type CurrencyCode } from '../../core/currency.ts';
import { invalid } from '../../core/errors.ts';
import { formatDecimal, formatGrouped } from '../../core/money.ts';
import { previewTouches } from '../../engine/preview-touches.ts';
import type { CommandContext } from '../context.ts';
import { renderTable, toJson } from '../table.ts';

/** `dunwise preview`: what would go out over the next days, per day. */
export function register(program: Command, ctx: CommandContext): void {
  program
    .command('preview')
    .description('show the reminders that would go out over the next days if nothing changes (writes nothing)')
    .option('--days <n>', 'how many days ahead', '30')
    .option('--account <ref>', 'only this account')
    .option('--json', 'print JSON')
    .action(async (opts: { days: string; account?: string; json?: boolean }, command: Command) => {
      const days = Number(opts.days);
      if (!Number.isInteger(days) || days < 1 || days > 366) invalid('--days must be a whole number from 1 to 366');
      await ctx.withApp(command, async (app) => {
        const from = app.clock.today(app.config.timeZone);
        const touches = await previewTouches(app.cadence, from, days, app.planning, opts.account ?? null);
        const cur = (c: string): CurrencyCode => asCurrency(c) as CurrencyCode;
        if (opts.json) {
          ctx.io.out(toJson(touches.map((t) => ({ ...t, invoices: t.invoices.map((i) => ({ number: i.number, step: i.stepId, open: formatDecimal(i.openMinor, cur(t.currency)) })) }))));
          return;
        }
        if (touches.length === 0) {
          ctx.io.out(`Nothing would go out from ${from} for ${days} days${opts.account ? ` for ${opts.account}` : ''}. (Import invoices and run \`dunwise run\` first?)`);
          return;
        }
        const rows = touches.map((t) => {
          const open = t.invoices.reduce((s, i) => s + i.openMinor, 0n);
          const list = t.invoices.map((i) => i.number);
          return [t.on, t.accountRef, t.accountName.slice(0, 28), t.stepId, t.tone, t.channels.join('+'), t.approval, `${list.slice(0, 3).join(', ')}${list.length > 3 ? ` +${list.length - 3}` : ''}`, `${t.currency} ${formatGrouped(open, cur(t.currency))}`];
        });
        ctx.io.out(`Reminders that would go out from ${from} for ${days} days (${touches.length}):\n\n${renderTable(['Day', 'Account', 'Name', 'Step', 'Tone', 'Channels', 'Approval', 'Invoices', 'Open'], rows, new Set([8]))}`);
      });
    });
}
