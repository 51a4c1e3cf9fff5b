import type { Command } from 'commander';
import { explain, type ExplainLine } from '../../engine/explain.ts';
import type { CommandContext } from '../context.ts';
import { toJson } from '../table.ts';

/** `dunwise explain <invoice|account>`: the rules and facts behind every touch, hold and skip. */
export function register(program: Command, ctx: CommandContext): void {
  program
    .command('explain <target>')
    .description('say why reminders were sent, held or skipped for an invoice (by number) or an account (by reference)')
    .option('--json', 'print JSON')
    .action(async (target: string, opts: { json?: boolean }, command: Command) => {
      await ctx.withApp(command, async (app) => {
        const asOf = app.clock.today(app.config.timeZone);
        const e = await explain(app.cadence, target, asOf, app.planning);
        if (opts.json) {
          ctx.io.out(toJson(e));
          return;
        }
        const out: string[] = [];
        for (const c of e.cases) {
          out.push(`${c.account}, ${c.currency}: case ${c.state}, policy "${c.policy}"`);
          out.push('', 'What earlier runs decided:');
          out.push(...(c.history.length === 0 ? ['  (no run has looked at this yet)'] : c.history.map(lineText)));
          out.push('', `What a run on ${e.asOf} would decide:`);
          out.push(...(c.today.length === 0 ? ['  nothing is due today'] : c.today.map(lineText)));
          out.push('', 'Steps still ahead (if nothing is paid or answered):');
          out.push(...(c.upcoming.length === 0 ? ['  none'] : c.upcoming.slice(0, 12).map((u) => `  ${u.on}  ${u.invoice}  step ${u.step} (${u.tone}, ${u.channels.join(' + ')})`)));
          out.push('');
        }
        ctx.io.out(out.join('\n').trimEnd());
      });
    });
}

function lineText(l: ExplainLine): string {
  const what = l.kind === 'touch' ? 'SENT' : l.kind === 'hold' ? 'HELD' : 'SKIPPED';
  return `  ${l.on}  ${what}${l.step ? ` step ${l.step}` : ''}${l.invoice ? ` for ${l.invoice}` : ''}: ${l.why} (${l.facts})`;
}
