// The link in a card-update email: the creditor's billing page with a token that names the
// account and the failed payment, signed (HMAC-SHA256) and expiring, so the page can trust it
// without a login. Token: base64url(JSON {a: account ref, f: failure id, e: last valid day}) "." base64url(HMAC).
import { createHmac, timingSafeEqual } from 'node:crypto';
import { addDays, type LocalDate } from '../core/local-date.ts';
import type { TouchDelivery } from '../engine/dispatch-ports.ts';
import type { Creditor } from './creditor.ts';

/** What a card-update token vouches for. */
export type CardToken = { readonly account: string; readonly failureId: number; readonly expires: LocalDate };

/** Signs a token for one account and failed payment. */
export function signCardToken(secret: string, t: CardToken): string {
  const body = Buffer.from(JSON.stringify({ a: t.account, f: t.failureId, e: t.expires })).toString('base64url');
  return `${body}.${createHmac('sha256', secret).update(body).digest('base64url')}`;
}

/** The token's contents when the signature is good and `today` is not past its last day; null otherwise. */
export function verifyCardToken(secret: string, token: string, today: LocalDate): CardToken | null {
  const [body = '', sig = ''] = token.split('.');
  const expected = createHmac('sha256', secret).update(body).digest();
  const given = Buffer.from(sig, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const p = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as { a: string; f: number; e: LocalDate };
  return today > p.e ? null : { account: p.a, failureId: p.f, expires: p.e };
}

/**
 * The update link for a card-update touch: the configured card-update URL (its {token} signed,
 * valid 30 days past the suspension day), else the portal link, else null.
 */
export function cardUpdateLink(creditor: Creditor, touch: TouchDelivery, today: LocalDate): string | null {
  const card = touch.card ?? null;
  const template = creditor.cardUpdate?.link ?? creditor.portalLink;
  if (card === null || template === null) return null;
  const fill = (s: string, token: string): string =>
    s.replace('{account}', encodeURIComponent(touch.account.ref)).replace('{invoice}', encodeURIComponent(touch.invoices[0]?.number ?? '')).replace('{token}', encodeURIComponent(token));
  const secret = creditor.cardUpdate?.secret ?? null;
  const token = secret === null ? '' : signCardToken(secret, { account: touch.account.ref, failureId: card.failureId, expires: addDays(card.suspendOn ?? today, 30) });
  return fill(template, token);
}
