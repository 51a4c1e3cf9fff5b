import type { Command } from 'commander';
import { invalid } from '../../core/errors.ts';
import { parseLocalDate, type LocalDate } from '../../core/local-date.ts';
import { escalateCase } from '../../engine/escalate-case.ts';
import { pauseCase } from '../../engine/pause-case.ts';
import { resumeCase } from '../../engine/resume-case.ts';
import { snoozeCase } from '../../engine/snooze-case.ts';
import type { CommandContext } from '../context.ts';

function date(text: string, flag: string): LocalDate {
  const d = parseLocalDate(text);
  if (!d) invalid(`${flag} must be a date like 2026-04-30, not "${text}"`);
  return d;
}

/** `dunwise cases pause|resume|snooze|escalate <account>`: change a customer's collection state (audited). */
export function register(program: Command, ctx: CommandContext): void {
  const cases = program.command('cases').description('pause, snooze, resume or escalate collection for a customer (every change is audited)');
  const done = (n: number, what: string): void => ctx.io.out(`${what} ${n} case${n === 1 ? '' : 's'}.`);
  cases
    .command('pause <account>')
    .description('stop all reminders for the customer until --until (or until resumed)')
    .requiredOption('--reason <text>', 'why (shown by explain)')
    .option('--until <date>', 'resume automatically on this day')
    .option('--currency <code>', 'only the case in this currency')
    .action(async (account: string, o: { reason: string; until?: string; currency?: string }, cmd: Command) => {
      const until = o.until ? date(o.until, '--until') : null;
      await ctx.withApp(cmd, async (app) => done(await pauseCase(app.caseAdmin, { accountRef: account, currency: o.currency ?? null, reason: o.reason, until, actor: 'cli' }), 'Paused'));
    });
  cases
    .command('snooze <account>')
    .description('hold reminders until a date: a promise to pay, an out-of-office, or another reason')
    .requiredOption('--until <date>', 'the day reminders may start again')
    .option('--reason <kind>', 'promise | out_of_office | other', 'promise')
    .option('--note <text>', 'a note for the audit log')
    .option('--currency <code>', 'only the case in this currency')
    .action(async (account: string, o: { until: string; reason: string; note?: string; currency?: string }, cmd: Command) => {
      if (!['promise', 'out_of_office', 'other'].includes(o.reason)) invalid('--reason must be promise, out_of_office or other');
      const until = date(o.until, '--until');
      await ctx.withApp(cmd, async (app) => done(await snoozeCase(app.caseAdmin, { accountRef: account, currency: o.currency ?? null, until, reason: o.reason as 'promise', note: o.note ?? null, actor: 'cli' }), 'Snoozed'));
    });
  cases
    .command('resume <account>')
    .description('make paused, snoozed or escalated cases active again; the next run plans them')
    .option('--currency <code>', 'only the case in this currency')
    .action(async (account: string, o: { currency?: string }, cmd: Command) => {
      await ctx.withApp(cmd, async (app) => done(await resumeCase(app.caseAdmin, { accountRef: account, currency: o.currency ?? null, actor: 'cli' }), 'Resumed'));
    });
  cases
    .command('escalate <account>')
    .description('hand the customer to a person: no automatic messages until resumed')
    .requiredOption('--owner <name>', 'who takes it over')
    .option('--currency <code>', 'only the case in this currency')
    .action(async (account: string, o: { owner: string; currency?: string }, cmd: Command) => {
      await ctx.withApp(cmd, async (app) => done(await escalateCase(app.caseAdmin, { accountRef: account, currency: o.currency ?? null, owner: o.owner, actor: 'cli' }), 'Escalated'));
    });
}
