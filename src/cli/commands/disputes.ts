import type { Command } from 'commander';
import { invalid } from '../../core/errors.ts';
import { disputeReasons, openDispute, type DisputeReason } from '../../engine/open-dispute.ts';
import { resolveDispute } from '../../engine/resolve-dispute.ts';
import type { CommandContext } from '../context.ts';

/** `dunwise disputes open|resolve <invoice>`: a disputed invoice is never dunned. */
export function register(program: Command, ctx: CommandContext): void {
  const disputes = program.command('disputes').description('open or resolve disputes; while open, the invoice is never dunned');
  disputes
    .command('open <invoice>')
    .description('open a dispute on an invoice (by number)')
    .requiredOption('--reason <reason>', disputeReasons.join(' | '))
    .option('--owner <name>', 'who handles it')
    .action(async (invoice: string, o: { reason: string; owner?: string }, cmd: Command) => {
      if (!(disputeReasons as readonly string[]).includes(o.reason)) invalid(`--reason must be one of ${disputeReasons.join(', ')}`);
      await ctx.withApp(cmd, async (app) => {
        const result = await openDispute(app.caseAdmin, { invoiceNumber: invoice, reason: o.reason as DisputeReason, owner: o.owner ?? null, on: app.clock.today(app.config.timeZone), actor: 'cli' });
        ctx.io.out(result === 'opened' ? `Dispute opened on ${invoice}: it will not be dunned until resolved.` : `${invoice} already has an open dispute.`);
      });
    });
  disputes
    .command('resolve <invoice>')
    .description('resolve the open dispute; dunning resumes on the open amount')
    .option('--note <text>', 'how it was resolved (audit log)')
    .action(async (invoice: string, o: { note?: string }, cmd: Command) => {
      await ctx.withApp(cmd, async (app) => {
        await resolveDispute(app.caseAdmin, { invoiceNumber: invoice, on: app.clock.today(app.config.timeZone), note: o.note ?? null, actor: 'cli' });
        ctx.io.out(`Dispute on ${invoice} resolved.`);
      });
    });
}
