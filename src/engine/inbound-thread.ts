import type { CaseRecord } from './cadence-ports.ts';
import type { InboundTx, ReadMessage, ThreadedBy } from './inbound-ports.ts';

/**
 * The case id in a per-case reply address as caseReplyAddress (channels/email) writes it:
 * "ar+case-42@creditor.example" (plus form) or "case-42@reply.creditor.example" (domain form).
 */
export function caseIdFromAddress(address: string): number | null {
  const m = /^(?:[^@\s]*\+)?case-(\d+)@[^@\s]+$/i.exec(address.trim().replace(/^<|>$/g, ''));
  return m?.[1] === undefined ? null : Number(m[1]);
}

/** The address whose owner a message is about: the sender, or the failed recipient of a bounce or complaint. */
export function subjectAddress(read: ReadMessage): string | null {
  if (read.kind === 'bounce') return read.bounce?.recipient ?? null;
  if (read.kind === 'complaint') return read.complaintRecipient;
  return read.from;
}

/**
 * Finds the case a message belongs to: the per-case reply address first (it cannot be
 * wrong), then the Message-IDs it answers (In-Reply-To, References) against the reminders we
 * sent, then the sender (or bounced recipient) as a known contact.
 */
export async function threadMessage(tx: InboundTx, read: ReadMessage): Promise<{ case: CaseRecord | null; by: ThreadedBy }> {
  for (const address of read.to) {
    const id = caseIdFromAddress(address);
    const found = id === null ? null : await tx.caseById(id);
    if (found) return { case: found, by: 'reply_address' };
  }
  const ids = [read.inReplyTo, ...read.references].filter((i): i is string => i !== null && i !== '');
  if (ids.length > 0) {
    const found = await tx.caseByMessageIds(ids);
    if (found) return { case: found, by: 'in_reply_to' };
  }
  const email = subjectAddress(read);
  if (email !== null) {
    const found = await tx.caseByEmail(email.toLowerCase());
    if (found) return { case: found, by: 'sender' };
  }
  return { case: null, by: 'none' };
}
