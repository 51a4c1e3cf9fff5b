import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { parseStripeEvent, type StripeEventResult } from '../../cash/stripe.ts';
import { asCurrency } from '../../core/currency.ts';
import { DunwiseError, ErrorCode, invalid } from '../../core/errors.ts';
import { formatMoney } from '../../core/money.ts';
import type { ReceiveResult } from '../../engine/stripe-receive.ts';
import { receiveStripeEvent } from '../../engine/stripe-receive.ts';
import type { App } from '../../compose.ts';
import type { CommandContext } from '../context.ts';
import { toJson } from '../table.ts';

/** Why a signature was refused, in words. */
export const signatureWords: Readonly<Record<string, string>> = {
  no_secret: 'no signing secret is configured (set DUNWISE_STRIPE_WEBHOOK_SECRET to the endpoint\u2019s whsec_... secret)',
  missing: 'no Stripe-Signature header was given',
  malformed: 'the Stripe-Signature header is not "t=<seconds>,v1=<hex>"',
  mismatch: 'the signature does not match: the body was changed, or it was signed with another secret',
  too_old: 'the signature timestamp is older than the tolerance: a replayed or delayed request',
  too_new: 'the signature timestamp is in the future beyond the tolerance: check the clock',
};

/** `dunwise cash stripe <event.json...>`: verified Stripe webhook bodies into cash application. */
export function register(cash: Command, ctx: CommandContext): void {
  cash
    .command('stripe <files...>')
    .description('apply Stripe webhook events saved to files (the exact request body): payments settle invoices, refunds and lost chargebacks reopen them, chargebacks open disputes, failed payments start card retries; each event once')
    .requiredOption('--signature-header <header>', 'the Stripe-Signature header of each file, in order (repeat for several files)', (v: string, all: string[] = []) => [...all, v])
    .option('--tolerance <seconds>', 'how old a signature may be (default DUNWISE_STRIPE_TOLERANCE or 300); raise it to replay events you saved yourself')
    .option('--json', 'print JSON')
    .addHelpText('after', '\nThe signing secret comes from DUNWISE_STRIPE_WEBHOOK_SECRET. A file whose signature is refused applies nothing\nand makes the exit code 1. Events are keyed by their id: a file applied twice changes nothing the second time.')
    .action(async (files: string[], opts: { signatureHeader: string[]; tolerance?: string; json?: boolean }, command: Command) => {
      if (opts.signatureHeader.length !== files.length) invalid(`give one --signature-header per file: ${files.length} file${files.length === 1 ? '' : 's'}, ${opts.signatureHeader.length} header${opts.signatureHeader.length === 1 ? '' : 's'}`);
      if (opts.tolerance !== undefined && !/^\d+$/.test(opts.tolerance)) invalid(`--tolerance must be whole seconds, not "${opts.tolerance}"`);
      await ctx.withApp(command, async (app) => {
        if (app.config.stripe.webhookSecret === null) invalid(`DUNWISE_STRIPE_WEBHOOK_SECRET is not set: without the endpoint's signing secret (whsec_...) no event can be trusted; nothing was applied`);
        const tolerance = opts.tolerance === undefined ? app.config.stripe.toleranceSeconds : Number(opts.tolerance);
        const results: FileResult[] = [];
        for (const [i, file] of files.entries()) {
          const result = await applyFile(app, file, opts.signatureHeader[i] ?? '', tolerance);
          results.push(result);
          if (!opts.json) ctx.io.out(fileText(result));
        }
        if (opts.json) ctx.io.out(toJson(results));
        if (results.some((r) => r.kind === 'refused')) ctx.setExitCode(1);
      });
    });
}

/** What became of one file. */
export type FileResult =
  | { readonly file: string; readonly kind: 'refused'; readonly reason: string; readonly message: string }
  | { readonly file: string; readonly kind: 'ignored'; readonly type: string }
  | ({ readonly file: string; readonly kind: 'received' } & ReceiveResult);

async function applyFile(app: App, file: string, header: string, tolerance: number): Promise<FileResult> {
  let body: string;
  try {
    body = readFileSync(file, 'utf8');
  } catch {
    throw new DunwiseError(ErrorCode.notFound, `cannot read ${file}: no such file`);
  }
  const nowSeconds = Math.floor(app.clock.now().getTime() / 1000);
  const parsed = parseStripeEvent(body, header, app.config.stripe.webhookSecret, nowSeconds, tolerance);
  return resultOf(file, parsed, (event) => receiveStripeEvent(app.stripe, { event, body, ctx: app.stripeContext('stripe') }));
}

/** Turns a parse into a refusal, an ignored type, or the applied event. */
export async function resultOf(file: string, parsed: StripeEventResult, receive: (e: Extract<StripeEventResult, { ok: true }>['event']) => Promise<ReceiveResult>): Promise<FileResult> {
  if (parsed.ok) return { file, kind: 'received', ...(await receive(parsed.event)) };
  switch (parsed.reason) {
    case 'ignored':
      return { file, kind: 'ignored', type: parsed.type };
    case 'unverified':
      return { file, kind: 'refused', reason: parsed.detail, message: `signature refused: ${signatureWords[parsed.detail] ?? parsed.detail}; nothing was applied` };
    case 'invalid':
      return { file, kind: 'refused', reason: 'invalid', message: `not a Stripe event Dunwise can read: ${parsed.detail}; nothing was applied` };
  }
}

/** One file's outcome in a line. */
export function fileText(r: FileResult): string {
  switch (r.kind) {
    case 'refused':
      return `${r.file}: REFUSED, ${r.message}`;
    case 'ignored':
      return `${r.file}: ${r.type} is not a payment event Dunwise acts on (ignored)`;
    case 'received':
      return `${r.file}: ${r.eventId} ${r.type}: ${receivedText(r)}`;
  }
}

/** A value from an event's detail as plain text (strings and numbers as they are). */
export function plain(v: unknown): string {
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return String(v);
  return v === undefined || v === null ? '' : JSON.stringify(v);
}

/** A received event's outcome in words. */
export function receivedText(r: ReceiveResult): string {
  const d = r.detail;
  const numbers = (key: string): string => (Array.isArray(d[key]) ? (d[key] as ({ number: string } | string)[]).map((i) => (typeof i === 'string' ? i : i.number)).join(', ') : '');
  const paid = Array.isArray(d['invoices']) ? (d['invoices'] as { number: string; amountMinor: string }[]).map((i) => `${amount({ amountMinor: i.amountMinor, currency: d['currency'] })} on ${i.number}`).join(', ') : '';
  const unblocked = r.unblocked.length > 0 ? `; also applied ${r.unblocked.length} event${r.unblocked.length === 1 ? '' : 's'} that waited for it` : '';
  const text: Record<string, () => string> = {
    seen_before: () => 'received before, nothing applied again',
    paid: () => `${paid}${d['cardFailure'] === undefined ? '' : `; card failure ${plain(d['cardFailure'])} recovered`}`,
    same_payment: () => `the same payment as bank line ${plain(d['bankLine'])}, nothing applied again`,
    refunded: () => `refund of ${amount(d)}; reopened ${numbers('reopened') || 'nothing (it came off unapplied cash)'}`,
    chargeback_lost: () => `chargeback lost (${amount(d)}); reopened ${numbers('reopened') || 'nothing'}, the dispute stays open for a person`,
    dispute_opened: () => `chargeback: dispute opened on ${Object.keys(d).join(', ')}; not dunned until resolved`,
    already_disputed: () => `chargeback: ${Object.keys(d).join(', ')} already disputed`,
    dispute_resolved: () => `chargeback won: dispute resolved on ${numbers('resolved')}`,
    failure_recorded: () => failureText(d),
    failure_recorded_no_invoice: () => `${failureText(d)}; no Dunwise invoice named, so no card-update email`,
    customer_unlinked: () => `${failureText(d)}; the Stripe customer is not linked to an account: ${plain(d['next'])}`,
    stripe_unlinked: () => `in the cash queue as bank line ${plain(d['bankLine'])} (no invoice or customer link): ${plain(d['next'])}`,
    payment_unknown: () => 'the payment of this charge was not received yet; applied when it arrives',
  };
  return `${r.status}: ${text[r.reason]?.() ?? r.reason}${unblocked}`;
}

function amount(d: Readonly<Record<string, unknown>>): string {
  const currency = asCurrency(plain(d['currency']));
  return currency === null ? `${plain(d['amountMinor'])} (minor units)` : formatMoney({ minor: BigInt(plain(d['amountMinor'])), currency });
}

function failureText(d: Readonly<Record<string, unknown>>): string {
  const next = d['nextRetryOn'] ? `next retry ${plain(d['nextRetryOn'])}` : `no retry; suspension on ${plain(d['suspendOn'])}`;
  return `card payment failed (${plain(d['category'])}: ${plain(d['decline'])}${d['code'] ? ` ${plain(d['code'])}` : ''}), ${next}${d['cardUpdateTouch'] ? ', card-update email queued' : ''}`;
}
