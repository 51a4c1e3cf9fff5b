import type { Command } from 'commander';
import { formatDecimal } from '../../core/money.ts';
import { linkStripeCustomer } from '../../engine/stripe-link-customer.ts';
import type { StoredStripeEvent } from '../../engine/stripe-ports.ts';
import { retryQueuedStripeEvents } from '../../engine/stripe-retry-queued.ts';
import type { CommandContext } from '../context.ts';
import { renderTable, toJson } from '../table.ts';

/** Why a Stripe event waits, in words, and what to do. */
const waiting: Readonly<Record<string, string>> = {
  stripe_unlinked: 'no invoice or customer link: apply its bank line by hand (dunwise cash queue)',
  invoice_already_paid: 'the invoice it names is paid already: apply or reject its bank line (dunwise cash queue)',
  currency_mismatch: 'the invoice it names is in another currency: see dunwise cash queue',
  customer_unlinked: 'the card failure\u2019s Stripe customer is not linked: dunwise cash stripe-link {customer} <account>',
  payment_unknown: 'the charge it is about was not received yet: it applies when the payment arrives',
  payment_not_applied: 'its payment waits in the cash queue: apply that first, then dunwise cash stripe-retry',
  amount_out_of_range: 'the amount is zero or beyond what Dunwise accepts',
};

/** `dunwise cash stripe-link|stripe-queue|stripe-retry`: the Stripe events that wait, and what unblocks them. */
export function register(cash: Command, ctx: CommandContext): void {
  cash
    .command('stripe-link <customer> <account>')
    .description('link a Stripe customer (cus_...) to an account (its reference); queued events of the customer are applied again')
    .action(async (customer: string, account: string, _o: unknown, command: Command) => {
      await ctx.withApp(command, async (app) => {
        const r = await linkStripeCustomer(app.stripe, { customerId: customer, accountRef: account, ctx: app.stripeContext('cli') });
        ctx.io.out(`Linked ${customer} to ${account}: ${r.failures} card failure${r.failures === 1 ? '' : 's'} got the account, ${r.applied} queued event${r.applied === 1 ? '' : 's'} applied.`);
      });
    });
  cash
    .command('stripe-queue')
    .description('list the Stripe events that wait (queued), with why and what unblocks them; --all lists every event received')
    .option('--all', 'every event, newest first (up to 500)')
    .option('--json', 'print JSON')
    .action(async (opts: { all?: boolean; json?: boolean }, command: Command) => {
      await ctx.withApp(command, async (app) => {
        const events = await app.stripe.events(opts.all ? null : ['queued'], 500);
        if (opts.json) return ctx.io.out(toJson(events.map(eventJson)));
        if (events.length === 0) return ctx.io.out(opts.all ? 'No Stripe event was received yet.' : 'No Stripe event waits.');
        const rows = events.map((s) => [s.event.eventId, s.event.type, s.event.created, formatDecimal(s.event.amount, s.event.currency), s.event.currency, s.status, opts.all ? (s.reason ?? '') : (waiting[s.reason ?? ''] ?? s.reason ?? '').replace('{customer}', s.event.customerId ?? '<customer>')]);
        ctx.io.out(renderTable(['event', 'type', 'created', 'amount', 'cur', 'status', opts.all ? 'reason' : 'why it waits'], rows, new Set([3])));
      });
    });
  cash
    .command('stripe-retry')
    .description('apply the queued Stripe events again (after a payment was applied by hand or a customer linked)')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }, command: Command) => {
      await ctx.withApp(command, async (app) => {
        const r = await retryQueuedStripeEvents(app.stripe, app.stripeContext('cli'));
        if (opts.json) return ctx.io.out(toJson(r));
        ctx.io.out([...r.done.map((d) => `${d.eventId}: ${d.status} (${d.reason})`), `${r.done.length} applied, ${r.stillQueued} still waiting.`].join('\n'));
      });
    });
}

function eventJson(s: StoredStripeEvent): unknown {
  const e = s.event;
  return {
    event: e.eventId, type: e.type, created: e.created, amount: formatDecimal(e.amount, e.currency), currency: e.currency, customer: e.customerId,
    stripeInvoice: e.invoiceId, charge: e.chargeId, status: s.status, reason: s.reason, detail: s.detail, bankLine: s.bankLineId, cardFailure: s.cardFailureId, receivedAt: s.receivedAt,
  };
}
