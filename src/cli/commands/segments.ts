import type { Command } from 'commander';
import { invalid } from '../../core/errors.ts';
import type { Segment } from '../../core/ledger.ts';
import { refreshSegments } from '../../engine/refresh-segments.ts';
import { setSegment } from '../../engine/set-segment.ts';
import type { CommandContext } from '../context.ts';
import { toJson } from '../table.ts';

const segments: readonly string[] = ['standard', 'strategic', 'new_account', 'chronic_late'];

/** `dunwise segments refresh` and `dunwise segments set <account> <segment|auto>`. */
export function register(program: Command, ctx: CommandContext): void {
  const cmd = program.command('segments').description('customer segments: standard, strategic, new_account, chronic_late');
  cmd
    .command('refresh')
    .description('derive every account\u2019s segment from twelve months of payments, value and tenure (hand-set segments stay)')
    .option('--json', 'print JSON')
    .action(async (o: { json?: boolean }, c: Command) => {
      await ctx.withApp(c, async (app) => {
        const counts = await refreshSegments(app.segmentHistory, app.caseAdmin, app.clock.today(app.config.timeZone));
        ctx.io.out(o.json ? toJson(counts) : `Segments: ${counts.standard} standard, ${counts.chronic_late} chronic late payers, ${counts.new_account} new accounts, ${counts.strategic} strategic (${counts.changed} changed).`);
      });
    });
  cmd
    .command('set <account> <segment>')
    .description('set a segment by hand (strategic accounts get no automatic messages), or "auto" to derive it again')
    .action(async (account: string, segment: string, c: Command) => {
      if (segment !== 'auto' && !segments.includes(segment)) invalid(`segment must be one of ${segments.join(', ')} or auto`);
      await ctx.withApp(c, async (app) => {
        await setSegment(app.caseAdmin, { accountRef: account, segment: segment === 'auto' ? null : (segment as Segment), actor: 'cli' });
        ctx.io.out(`${account}: segment ${segment === 'auto' ? 'derived again at the next refresh' : segment}.`);
      });
    });
}
