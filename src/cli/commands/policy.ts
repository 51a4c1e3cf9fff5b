import type { Command } from 'commander';
import { formatDecimal } from '../../core/money.ts';
import { asCurrency, type CurrencyCode } from '../../core/currency.ts';
import { presetNames, toPlain, type Policy } from '../../core/policy/index.ts';
import { readPolicy } from '../../policy/read-policy.ts';
import { loadConfig } from '../../config.ts';
import type { CommandContext } from '../context.ts';
import { renderTable, toJson } from '../table.ts';

/** `dunwise policy show|check|list`: read, validate and print dunning policies. */
export function register(program: Command, ctx: CommandContext): void {
  const policy = program.command('policy').description('dunning policies: presets, YAML/JSON files, plain language');
  policy
    .command('show [source]')
    .description('print a policy (a preset name or a file; default: the configured one, DUNWISE_POLICY)')
    .option('--plain', 'print it as plain language that compiles back to the same policy')
    .option('--json', 'print JSON')
    .action((source: string | undefined, opts: { plain?: boolean; json?: boolean }) => {
      const p = readPolicy(source ?? loadConfig(ctx.io.env).policy);
      if (opts.json) ctx.io.out(toJson(p));
      else if (opts.plain) ctx.io.out(toPlain(p));
      else ctx.io.out(policyTable(p));
    });
  policy
    .command('check <files...>')
    .description('validate policy files (YAML, JSON, or plain language in .txt); every problem with its line')
    .action((files: string[]) => {
      for (const f of files) {
        const p = readPolicy(f);
        ctx.io.out(`${f}: valid, ${p.steps.length} steps (${p.steps.map((s) => s.id).join(', ')})`);
      }
    });
  policy
    .command('list')
    .description('list the preset policies')
    .action(() => {
      for (const name of presetNames) ctx.io.out(`${name}: ${readPolicy(name).name}`);
    });
}

function policyTable(p: Policy): string {
  const rows = p.steps.map((s) => [
    s.id,
    s.offsetDays === 0 ? 'on due date' : `${Math.abs(s.offsetDays)} ${s.dayKind === 'business' ? 'business ' : ''}days ${s.offsetDays < 0 ? 'before' : 'after'}`,
    s.tone,
    s.channels.join(' + ') || '-',
    s.approval,
    [...s.conditions.map(conditionText), s.action === 'hand_over_to_owner' ? 'then hand over to the owner' : ''].filter(Boolean).join('; '),
  ]);
  const st = p.settings;
  return [
    `${p.name} (${p.id})`,
    '',
    renderTable(['Step', 'When', 'Tone', 'Channels', 'Approval', 'Conditions / action'], rows),
    '',
    `At most one touch every ${st.minDaysBetweenTouches} days; send ${st.sendWindow.startHour}:00-${st.sendWindow.endHour}:00${st.preferredWeekdays.length ? ` preferably on ISO weekdays ${st.preferredWeekdays.join(', ')}` : ''}; ${st.consolidation ? 'one message per customer and currency' : 'one message per invoice'}; holidays of ${st.holidayCalendar.kind === 'country' ? st.holidayCalendar.country : 'the contact\u2019s country'}${st.maxTouches === null ? '' : `; at most ${st.maxTouches} touches per invoice`}.`,
  ].join('\n');
}

function conditionText(c: Policy['steps'][number]['conditions'][number]): string {
  switch (c.kind) {
    case 'segment':
      return `segment ${c.segments.join('/')}`;
    case 'open_amount': {
      const cur = c.currency ? (asCurrency(c.currency) as CurrencyCode) : null;
      const amt = (m: bigint): string => (cur ? `${cur} ${formatDecimal(m, cur)}` : `${m} minor units`);
      return `open amount${c.minMinor !== null ? ` ≥ ${amt(c.minMinor)}` : ''}${c.maxMinor !== null ? ` ≤ ${amt(c.maxMinor)}` : ''}`;
    }
    case 'currency':
      return `currency ${c.currencies.join('/')}`;
    case 'country':
      return `country ${c.countries.join('/')}`;
    case 'no_reply_since_last_step':
      return 'no reply since the last step';
  }
}
