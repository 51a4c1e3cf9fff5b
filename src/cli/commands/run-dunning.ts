import type { Command } from 'commander';
import { runDunning } from '../../engine/run-dunning.ts';
import type { CommandContext } from '../context.ts';
import { toJson } from '../table.ts';

/** `dunwise run`: plans today's touches into the outbox (review queue by default). */
export function register(program: Command, ctx: CommandContext): void {
  program
    .command('run')
    .description('plan the reminders due today for every case whose next action is due (catches up after downtime, never plans a step twice)')
    .option('--json', 'print the run report as JSON')
    .action(async (opts: { json?: boolean }, command: Command) => {
      await ctx.withApp(command, async (app) => {
        const today = app.clock.today(app.config.timeZone);
        const report = await runDunning(app.cadence, today, app.planning);
        if (opts.json) ctx.io.out(toJson(report));
        else ctx.io.out(`Run for ${report.today}: ${report.cases} case${report.cases === 1 ? '' : 's'} planned, ${report.touches} touch${report.touches === 1 ? '' : 'es'} to the outbox, ${report.holds} held, ${report.skips} skipped. \`dunwise explain <invoice|account>\` says why.`);
      });
    });
}
