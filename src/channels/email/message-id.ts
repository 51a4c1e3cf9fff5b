// Our own Message-ID, derived from the touch's idempotency key: a send retried after a crash
// carries the same Message-ID, so the receiving side (and our own inbound threading) can
// recognise it as the same message rather than a second reminder.
import { createHash } from 'node:crypto';

/** `<dunwise.{32 hex of sha256(key)}@{domain}>`: the same key always gives the same id. */
export function messageIdFor(idempotencyKey: string, domain: string): string {
  const digest = createHash('sha256').update(idempotencyKey, 'utf8').digest('hex').slice(0, 32);
  return `<dunwise.${digest}@${domain}>`;
}

/** The domain of an address ("ar@creditor.example" -> "creditor.example"), or null. */
export function domainOf(address: string): string | null {
  const m = /@([A-Za-z0-9.-]+)>?\s*$/.exec(address);
  return m?.[1]?.toLowerCase() ?? null;
}

/** How replies find their case: plus-addressing on one mailbox, or a reply domain. */
export type ReplyAddressing =
  | { readonly kind: 'plus'; readonly mailbox: string }
  | { readonly kind: 'domain'; readonly domain: string };

/**
 * The per-case reply address: "ar+case-123@creditor.example" (plus) or
 * "case-123@reply.creditor.example" (domain). Case ids are reduced to [a-z0-9-] so the
 * local part stays valid without quoting.
 */
export function caseReplyAddress(addressing: ReplyAddressing, caseId: string): string {
  const tag = `case-${caseId
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '')}`;
  if (addressing.kind === 'domain') return `${tag}@${addressing.domain}`;
  const at = addressing.mailbox.lastIndexOf('@');
  if (at < 1) throw new RangeError(`not a mailbox: ${addressing.mailbox}`);
  return `${addressing.mailbox.slice(0, at)}+${tag}${addressing.mailbox.slice(at)}`;
}
