import type { Command } from 'commander';
import { dispatchTouches } from '../../engine/dispatch-touches.ts';
import { delivererFromConfig } from '../../dispatch/from-config.ts';
import type { CommandContext } from '../context.ts';
import { toJson } from '../table.ts';

/** `dunwise dispatch`: sends approved touches (email, letter, SMS; call tasks), each exactly once. */
export function register(program: Command, ctx: CommandContext): void {
  program
    .command('dispatch')
    .description('send the approved reminders now: the guard re-checks every invoice right before sending')
    .option('--json', 'print JSON')
    .action(async (o: { json?: boolean }, c: Command) => {
      await ctx.withApp(c, async (app) => {
        const { deliverer, close } = await delivererFromConfig(app.config);
        try {
          const report = await dispatchTouches(app.dispatch, deliverer, {
            now: () => app.clock.now(),
            today: app.clock.today(app.config.timeZone),
            policyFor: app.planning.policyFor,
            paused: app.config.pauseAll,
          });
          ctx.io.out(o.json ? toJson(report) : `Dispatch: ${report.sent} sent, ${report.cancelled} cancelled by the guard, ${report.narrowed} narrowed, ${report.waiting} waiting for the send window, ${report.retrying} to retry, ${report.failed} failed, ${report.needsCheck} to check.${app.config.pauseAll ? ' (DUNWISE_PAUSE_ALL is on: nothing was sent.)' : ''}`);
        } finally {
          close();
        }
      });
    });
}
