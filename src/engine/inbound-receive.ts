import { createHash } from 'node:crypto';
import type { LocalDate } from '../core/local-date.ts';
import { actOnMessage } from './inbound-act.ts';
import type { InboundStatus, InboundStore, MessageReader, ReadMessage, ThreadedBy } from './inbound-ports.ts';
import { threadMessage } from './inbound-thread.ts';

/** What receiving needs besides the store: the MIME reader and the review threshold. */
export type ReceiveDeps = { readonly reader: MessageReader; readonly reviewThreshold: number };

/** One message as it arrived. `envelopeTo` holds the SMTP RCPT TO addresses, when known. */
export type IncomingMessage = {
  readonly raw: Buffer;
  readonly receivedAt: string;
  readonly receivedOn: LocalDate;
  readonly source: string;
  readonly envelopeTo?: readonly string[];
};

/** What happened to a message: processed (with where it ended up), or already processed before. */
export type ReceiveOutcome =
  | { readonly kind: 'processed'; readonly id: number; readonly messageId: string; readonly status: InboundStatus; readonly caseId: number | null; readonly threadedBy: ThreadedBy; readonly action: string; readonly read: ReadMessage }
  | { readonly kind: 'duplicate'; readonly id: number; readonly messageId: string; readonly status: InboundStatus };

/** The id of a message without a Message-ID header: a hash of its bytes, so a resend is still recognised. */
export function hashMessageId(raw: Buffer): string {
  return `<sha256.${createHash('sha256').update(raw).digest('hex').slice(0, 32)}@hash.dunwise.invalid>`;
}

/**
 * Receives one inbound message. The raw bytes are committed first, so nothing received is ever
 * lost; a Message-ID seen before is not processed again (unless its processing never finished).
 * Then, in one transaction: thread it to a case, act on it, and save the reading and outcome.
 */
export async function receiveMessage(store: InboundStore, deps: ReceiveDeps, message: IncomingMessage): Promise<ReceiveOutcome> {
  const messageId = deps.reader.messageId(message.raw) ?? hashMessageId(message.raw);
  const saved = await store.saveRaw({ messageId, raw: message.raw, receivedAt: message.receivedAt, receivedOn: message.receivedOn, source: message.source, envelopeTo: message.envelopeTo ?? [] });
  if (!saved.fresh && saved.status !== 'received') return { kind: 'duplicate', id: saved.id, messageId, status: saved.status };
  const parsed = await deps.reader.read(message.raw, message.receivedOn);
  const read: ReadMessage = { ...parsed, to: [...(message.envelopeTo ?? []), ...parsed.to] };
  return store.transaction(async (tx) => {
    const thread = await threadMessage(tx, read);
    const outcome = await actOnMessage(tx, { inboundId: saved.id, receivedOn: message.receivedOn, read, target: thread.case, reviewThreshold: deps.reviewThreshold, actor: 'inbound', decidedByPerson: false });
    const caseId = thread.case?.id ?? null;
    await tx.saveOutcome(saved.id, { read, caseId, threadedBy: thread.by, status: outcome.status, action: outcome.action });
    return { kind: 'processed', id: saved.id, messageId, status: outcome.status, caseId, threadedBy: thread.by, action: outcome.action, read };
  });
}
