// A small HTTP endpoint for Stripe webhooks (node:http): verifies Stripe-Signature on the exact
// body, hands verified events to the caller, and answers as Stripe expects. Stripe retries any
// non-2xx answer for days, so only failures worth retrying (our own errors) get a 5xx; a bad
// signature or body gets a 4xx with the reason; a duplicate or an ignored type gets a 200.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { PaymentEvent } from '../engine/payment-events.ts';
import { parseStripeEvent } from './stripe.ts';

export type StripeListenerOptions = {
  readonly secret: string;
  readonly toleranceSeconds: number;
  /** The current time in seconds (the signature's timestamp is checked against it). */
  readonly nowSeconds: () => number;
  /** The path Stripe posts to; other paths get 404. */
  readonly path: string;
  /** Applies a verified event; its answer goes back in the response body. */
  readonly onEvent: (event: PaymentEvent, body: string) => Promise<{ status: string; reason: string }>;
  readonly log: (line: string) => void;
  /** Larger bodies get 413 (Stripe's events are a few kilobytes). */
  readonly maxBytes?: number;
};

/** Creates the server (not yet listening). */
export function stripeListener(o: StripeListenerOptions): Server {
  return createServer((req, res) => {
    handle(req, res, o).catch((error: unknown) => {
      o.log(`error: ${error instanceof Error ? error.message : String(error)}`);
      if (!res.headersSent) reply(res, 500, { error: 'internal', message: 'the event was not applied; Stripe will send it again' });
    });
  });
}

async function handle(req: IncomingMessage, res: ServerResponse, o: StripeListenerOptions): Promise<void> {
  const path = new URL(req.url ?? '/', 'http://localhost').pathname;
  if (path !== o.path) return reply(res, 404, { error: 'not_found', message: `Stripe webhooks go to ${o.path}` });
  if (req.method !== 'POST') {
    res.setHeader('Allow', 'POST');
    return reply(res, 405, { error: 'method_not_allowed', message: 'POST the webhook body' });
  }
  const body = await readBody(req, o.maxBytes ?? 1_048_576);
  if (body === null) return reply(res, 413, { error: 'too_large', message: 'the body is larger than a Stripe event' });
  const header = req.headers['stripe-signature'];
  const parsed = parseStripeEvent(body, typeof header === 'string' ? header : null, o.secret, o.nowSeconds(), o.toleranceSeconds);
  if (!parsed.ok) {
    if (parsed.reason === 'ignored') {
      o.log(`${parsed.type}: ignored`);
      return reply(res, 200, { received: true, ignored: parsed.type });
    }
    const detail = parsed.reason === 'unverified' ? parsed.detail : 'invalid';
    o.log(`refused (${detail}): nothing applied`);
    return reply(res, 400, { error: parsed.reason === 'unverified' ? 'signature' : 'invalid', detail: parsed.reason === 'unverified' ? parsed.detail : parsed.detail });
  }
  const outcome = await o.onEvent(parsed.event, body);
  o.log(`${parsed.event.eventId} ${parsed.event.type}: ${outcome.status} (${outcome.reason})`);
  reply(res, 200, { received: true, event: parsed.event.eventId, status: outcome.status, reason: outcome.reason });
}

/** The body as text, or null past `max` bytes. */
async function readBody(req: IncomingMessage, max: number): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const b = chunk as Buffer;
    size += b.length;
    if (size > max) return null;
    chunks.push(b);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function reply(res: ServerResponse, status: number, body: Record<string, unknown>): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}
