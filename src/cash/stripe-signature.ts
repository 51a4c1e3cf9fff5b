// Verifying Stripe's webhook signature header: `t=<unix seconds>,v1=<hex HMAC-SHA256>[,v1=...]`.
import { createHmac, timingSafeEqual } from 'node:crypto';

/** Why a signature was refused, or ok. */
export type SignatureCheck =
  | { readonly ok: true; readonly timestamp: number }
  | {
      readonly ok: false;
      readonly reason: 'missing' | 'malformed' | 'mismatch' | 'too_old' | 'too_new';
    };

/**
 * Checks `HMAC-SHA256(secret, "<t>.<body>")` against every v1 signature (Stripe sends several
 * while a secret is being rolled), comparing in constant time, and refuses a timestamp more
 * than `toleranceSeconds` away from `nowSeconds`, so a captured request cannot be replayed.
 */
export function verifyStripeSignature(
  body: string,
  header: string | null,
  secret: string,
  nowSeconds: number,
  toleranceSeconds: number,
): SignatureCheck {
  if (header === null || header.trim() === '') return { ok: false, reason: 'missing' };
  let timestamp: number | null = null;
  const signatures: string[] = [];
  for (const part of header.split(',')) {
    const [key, value = ''] = part.trim().split('=', 2) as [string, string?];
    if (key === 't' && /^\d+$/.test(value)) timestamp = Number(value);
    if (key === 'v1' && /^[0-9a-f]{64}$/i.test(value)) signatures.push(value.toLowerCase());
  }
  if (timestamp === null || signatures.length === 0) return { ok: false, reason: 'malformed' };
  const expected = createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest();
  const matches = signatures.some((s) => timingSafeEqual(Buffer.from(s, 'hex'), expected));
  if (!matches) return { ok: false, reason: 'mismatch' };
  if (nowSeconds - timestamp > toleranceSeconds) return { ok: false, reason: 'too_old' };
  if (timestamp - nowSeconds > toleranceSeconds) return { ok: false, reason: 'too_new' };
  return { ok: true, timestamp };
}

/** Builds a valid header for a body; for tests and for local replays of recorded events. */
export function signStripeBody(body: string, secret: string, timestamp: number): string {
  const v1 = createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex');
  return `t=${timestamp},v1=${v1}`;
}
