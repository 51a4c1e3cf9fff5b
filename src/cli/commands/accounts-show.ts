import type { Command } from 'commander';
import { asCurrency, type CurrencyCode } from '../../core/currency.ts';
import { DunwiseError, ErrorCode } from '../../core/errors.ts';
import { daysBetween, type LocalDate } from '../../core/local-date.ts';
import { formatDecimal, formatGrouped } from '../../core/money.ts';
import type { AccountView } from '../../engine/ports.ts';
import type { CommandContext } from '../context.ts';
import { renderTable, toJson } from '../table.ts';

const fmt = (minor: bigint, currency: string): string => formatDecimal(minor, asCurrency(currency) as CurrencyCode);
const show = (minor: bigint, currency: string): string => formatGrouped(minor, asCurrency(currency) as CurrencyCode);

/** `dunwise accounts show <id>`: one customer with contacts, invoices and unapplied cash. */
export function register(program: Command, ctx: CommandContext): void {
  const accounts = program.command('accounts').description('customers in the ledger');
  accounts
    .command('show <id>')
    .description('show one account (by its customer reference or numeric id)')
    .option('--json', 'print JSON')
    .action(async (id: string, opts: { json?: boolean }, command: Command) => {
      await ctx.withApp(command, async (app) => {
        const account = await app.reader.account(id);
        if (!account) throw new DunwiseError(ErrorCode.notFound, `No account "${id}". \`dunwise ledger\` lists what is there; accounts are found by customer reference or id.`);
        const today = app.clock.today(app.config.timeZone);
        ctx.io.out(opts.json ? toJson(accountJson(account)) : accountText(account, today));
      });
    });
}

function accountJson(a: AccountView): unknown {
  return {
    ...a,
    invoices: a.invoices.map((i) => ({
      number: i.number, kind: i.kind, currency: i.currency, issueDate: i.issueDate, dueDate: i.dueDate, dueDateSource: i.dueDateSource,
      total: fmt(i.totalMinor, i.currency), open: fmt(i.openMinor, i.currency), status: i.status, paymentReference: i.paymentReference,
    })),
    unappliedPayments: a.unappliedPayments.map((p) => ({ ...p, unapplied: fmt(p.unappliedMinor, p.currency), unappliedMinor: undefined })),
  };
}

function accountText(a: AccountView, today: LocalDate): string {
  const lines = [
    `${a.name}  (ref ${a.ref}, id ${a.id})`,
    `Country ${a.country} · currency ${a.currency} · time zone ${a.timeZone} · segment ${a.segment}${a.owner ? ` · owner ${a.owner}` : ''}`,
    '',
    'Contacts:',
    ...(a.contacts.length === 0 ? ['  (none)'] : a.contacts.map((c) => `  ${c.role}: ${[c.name, c.email, c.phone].filter(Boolean).join(', ')} [${c.language}]`)),
    '',
  ];
  const open = a.invoices.filter((i) => i.status === 'open');
  const rows = open.map((i) => {
    const overdue = daysBetween(i.dueDate as LocalDate, today);
    return [i.number, i.kind === 'credit_note' ? 'credit' : 'invoice', i.issueDate, i.dueDate, overdue > 0 ? String(overdue) : '-', i.currency, show(i.totalMinor, i.currency), show(i.openMinor, i.currency)];
  });
  lines.push(`Open items (${open.length} of ${a.invoices.length}):`);
  lines.push(open.length === 0 ? '  (nothing open)' : renderTable(['Number', 'Kind', 'Issued', 'Due', 'Days late', 'Cur', 'Total', 'Open'], rows, new Set([4, 6, 7])));
  if (a.unappliedPayments.length > 0) {
    lines.push('', 'Unapplied cash:');
    for (const p of a.unappliedPayments) lines.push(`  ${p.ref} ${p.receivedOn} ${p.currency} ${show(p.unappliedMinor, p.currency)} (${p.reason ?? 'unapplied'})`);
  }
  return lines.join('\n');
}
