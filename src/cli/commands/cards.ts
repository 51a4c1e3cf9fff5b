import type { Command } from 'commander';
import { asCurrency, type CurrencyCode } from '../../core/currency.ts';
import { invalid } from '../../core/errors.ts';
import { formatDecimal } from '../../core/money.ts';
import { CardFailureStatus, type CardFailure } from '../../engine/card-ports.ts';
import { cardRetriesDue } from '../../engine/cards-due.ts';
import { runCardRetries } from '../../engine/cards-run.ts';
import type { App } from '../../compose.ts';
import type { CommandContext } from '../context.ts';
import { renderTable, toJson } from '../table.ts';
import { plain } from './cash-stripe.ts';

const statuses = Object.values(CardFailureStatus);

/** `dunwise cards list|due|run|events`: failed card payments, their retries, card-update emails and suspensions. */
export function register(program: Command, ctx: CommandContext): void {
  const cards = program
    .command('cards')
    .description('failed card payments (from Stripe events): retry schedule by decline, card-update emails, grace, suspension')
    .addHelpText('after', `
Dunwise does not charge cards: \`cards run\` (daily, like \`run\`) writes a card.retry_due event for each
retry due, which your billing system reads with \`cards events\` and acts on (Stripe: pay the invoice).
Hard declines (lost or stolen card, Visa category 1, Mastercard advice 03/21, "do not try again") are
never retried. Soft ones retry on DUNWISE_CARD_RETRY_DAYS (default 1,3,5,7 days after the failure),
never more than 15 times in 30 days. Then DUNWISE_CARD_GRACE_DAYS (default 7) of grace, then card.suspend.`);
  cards
    .command('list')
    .description('failed card payments, newest first, with their state and next step')
    .option('--status <status>', statuses.join(' | '))
    .option('--json', 'print JSON')
    .action(async (o: { status?: string; json?: boolean }, c: Command) => {
      if (o.status !== undefined && !(statuses as readonly string[]).includes(o.status)) invalid(`--status must be one of ${statuses.join(', ')}`);
      await ctx.withApp(c, async (app) => {
        const list = await app.cards.list(o.status === undefined ? null : [o.status as CardFailureStatus]);
        ctx.io.out(o.json ? toJson(list.map(failureJson)) : list.length === 0 ? 'No failed card payment.' : table(list));
      });
    });
  cards
    .command('due')
    .description('the retries due today (or --as-of) for the billing system, without marking anything')
    .option('--json', 'print JSON')
    .action(async (o: { json?: boolean }, c: Command) => {
      await ctx.withApp(c, async (app) => {
        const today = app.clock.today(app.config.timeZone);
        const due = await cardRetriesDue(app.cards, today);
        ctx.io.out(o.json ? toJson(due.map(failureJson)) : due.length === 0 ? `No card retry is due on ${today}.` : `${due.length} card retr${due.length === 1 ? 'y' : 'ies'} due on ${today}:\n${table(due)}`);
      });
    });
  cards
    .command('run')
    .description('the daily sweep: announce due retries (card.retry_due), queue card-update emails, suspend after grace (card.suspend); a second run on the same day changes nothing')
    .option('--json', 'print JSON')
    .action(async (o: { json?: boolean }, c: Command) => {
      await ctx.withApp(c, async (app) => {
        const report = await runCardRetries(app.cards, { today: app.clock.today(app.config.timeZone), policy: policyOf(app), approval: app.config.cards.emails, actor: 'cli' });
        if (o.json) return ctx.io.out(toJson(report));
        const emails = report.updateEmails + report.finalEmails;
        ctx.io.out(
          `Cards: ${report.retriesDue.length} retr${report.retriesDue.length === 1 ? 'y' : 'ies'} due announced, ${emails} card-update email${emails === 1 ? '' : 's'} queued` +
            `${app.config.cards.emails === 'review' && emails > 0 ? ' (waiting in review: dunwise review list)' : ''}, ${report.suspended.length} suspended, ${report.recovered} recovered (paid another way).` +
            (report.retriesDue.length + report.suspended.length > 0 ? ' Your billing system reads them with: dunwise cards events --json' : ''),
        );
      });
    });
  cards
    .command('events')
    .description('the outbound events for your billing system (card.retry_due, card.suspend, card.recovered), oldest first')
    .option('--after <id>', 'only events after this id (the last one you processed)', '0')
    .option('--limit <n>', 'at most this many', '1000')
    .option('--json', 'print JSON (one object per event: id, kind, key, createdAt, payload)')
    .action(async (o: { after: string; limit: string; json?: boolean }, c: Command) => {
      if (!/^\d+$/.test(o.after)) invalid(`--after must be an event id, not "${o.after}"`);
      if (!/^\d+$/.test(o.limit) || Number(o.limit) < 1) invalid(`--limit must be a positive number, not "${o.limit}"`);
      await ctx.withApp(c, async (app) => {
        const events = await app.cards.events(Number(o.after), Number(o.limit));
        if (o.json) return ctx.io.out(toJson(events));
        if (events.length === 0) return ctx.io.out('No outbound event.');
        ctx.io.out(renderTable(['id', 'created', 'kind', 'account', 'detail'], events.map((e) => [String(e.id), e.createdAt.slice(0, 16), e.kind, plain(e.payload['account'] ?? '-'), detail(e.payload)]), new Set([0])));
      });
    });
}

function policyOf(app: App) {
  return { retryDays: app.config.cards.retryDays, graceDays: app.config.cards.graceDays };
}

function detail(p: Readonly<Record<string, unknown>>): string {
  if (p['dueOn'] !== undefined) return `retry #${plain(p['retryNumber'])} due ${plain(p['dueOn'])}, ${plain(p['stripeInvoice'] ?? p['paymentIntent'])}`;
  if (p['graceEndedOn'] !== undefined) return `suspend: grace ended ${plain(p['graceEndedOn'])} (${plain(p['reason'])})`;
  return `paid ${plain(p['paidOn'])}`;
}

function money(f: CardFailure): string {
  return formatDecimal(f.amountMinor, (asCurrency(f.currency) ?? f.currency) as CurrencyCode);
}

function next(f: CardFailure): string {
  switch (f.status) {
    case 'retrying':
      return `retry #${f.retryNumber ?? '?'} on ${f.nextRetryOn ?? '?'}`;
    case 'grace':
      return `no retry (${f.stopReason === 'hard_decline' ? 'hard decline' : 'retries used up'}); suspend on ${f.suspendOn ?? '?'}`;
    case 'suspended':
      return `suspended on ${f.suspendedOn ?? '?'}`;
    case 'recovered':
      return `paid on ${f.recoveredOn ?? '?'}`;
  }
}

function table(list: readonly CardFailure[]): string {
  const rows = list.map((f) => {
    const last = f.attempts[f.attempts.length - 1];
    return [String(f.id), f.accountRef ?? `(${f.customerId ?? 'unknown'})`, f.invoiceNumber ?? f.stripeInvoiceId ?? '-', money(f), f.currency, f.firstFailedOn, String(f.attempts.length), last ? `${last.decline.category} ${last.decline.code ?? last.decline.rule}` : '-', f.status, next(f)];
  });
  return renderTable(['id', 'account', 'invoice', 'amount', 'cur', 'failed', 'tries', 'last decline', 'status', 'next'], rows, new Set([0, 3, 6]));
}

function failureJson(f: CardFailure): unknown {
  return {
    id: f.id, account: f.accountRef, invoice: f.invoiceNumber, stripeCustomer: f.customerId, stripeInvoice: f.stripeInvoiceId, paymentIntent: f.paymentIntentId,
    amount: money(f), currency: f.currency, status: f.status, firstFailedOn: f.firstFailedOn, nextRetryOn: f.nextRetryOn, retryNumber: f.retryNumber,
    stopReason: f.stopReason, graceEndsOn: f.graceEndsOn, suspendOn: f.suspendOn, suspendedOn: f.suspendedOn, recoveredOn: f.recoveredOn, why: f.why,
    attempts: f.attempts.map((a) => ({ on: a.on, charge: a.chargeId, event: a.eventId, category: a.decline.category, rule: a.decline.rule, code: a.decline.code, text: a.decline.text })),
  };
}
