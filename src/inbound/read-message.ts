// The engine's MessageReader: MIME parsing, kind detection, reply trimming and intent, in one
// reading of the raw bytes. The engine never sees MIME.
import { fromParts, type LocalDate } from '../core/local-date.ts';
import type { MessageReader, ReadMessage } from '../engine/inbound-ports.ts';
import { classifyMail } from './classify-mail.ts';
import { classifyIntent } from './intent/classify-intent.ts';
import { trimReply } from './trim.ts';

/** The unfolded header block of a raw message (latin1 is enough for the ASCII fields read here). */
function headerBlock(raw: Buffer): string {
  const text = raw.subarray(0, 64 * 1024).toString('latin1');
  const end = text.search(/\r?\n\r?\n/);
  return (end < 0 ? text : text.slice(0, end)).replace(/\r?\n[ \t]+/g, ' ');
}

function headerValues(block: string, name: string): string[] {
  return [...block.matchAll(new RegExp(`^${name}:[ \\t]*(.*)$`, 'gim'))].map((m) => (m[1] ?? '').trim());
}

/** The Message-ID header, angle brackets included; null when missing or empty. */
export function rawMessageId(raw: Buffer): string | null {
  const value = headerValues(headerBlock(raw), 'message-id')[0];
  const m = value === undefined ? null : /<[^<>\s]+>|[^<>\s]+@[^<>\s]+/.exec(value);
  if (!m) return null;
  return m[0].startsWith('<') ? m[0] : `<${m[0]}>`;
}

const months = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * The calendar day the sender wrote on, from the Date header as written ("Tue, 4 Mar 2025
 * 23:10 +0100" is 2025-03-04 for the sender, whatever the day in UTC): "tomorrow" means the
 * day after that.
 */
export function senderDate(raw: Buffer): LocalDate | null {
  const value = headerValues(headerBlock(raw), 'date')[0];
  const m = value === undefined ? null : /(\d{1,2})\s+([a-z]{3})[a-z]*\.?\s+(\d{2,4})/i.exec(value);
  if (!m) return null;
  const month = months.indexOf((m[2] ?? '').toLowerCase()) + 1;
  const year = Number(m[3]) < 100 ? 2000 + Number(m[3]) : Number(m[3]);
  return month === 0 ? null : fromParts(year, month, Number(m[1]));
}

function deliveredTo(raw: Buffer): string[] {
  const block = headerBlock(raw);
  return ['delivered-to', 'x-original-to', 'cc', 'envelope-to']
    .flatMap((h) => headerValues(block, h))
    .flatMap((v) => [...v.matchAll(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g)].map((m) => m[0].toLowerCase()));
}

/** Reads a raw message: kind, threading headers, the trimmed text and (for replies) intent and facts. */
export async function readInboundMessage(raw: Buffer, receivedOn: LocalDate): Promise<ReadMessage> {
  const mail = await classifyMail(raw);
  const written = senderDate(raw) ?? receivedOn;
  const replyLike = mail.kind === 'human' || mail.kind === 'auto_reply';
  const intent = replyLike ? classifyIntent({ subject: mail.subject, body: mail.text, receivedAt: written }) : null;
  return {
    kind: mail.kind,
    messageId: mail.messageId,
    inReplyTo: mail.inReplyTo,
    references: mail.references,
    from: mail.from?.toLowerCase() ?? null,
    to: [...mail.to.map((a) => a.toLowerCase()), ...deliveredTo(raw)],
    subject: mail.subject,
    text: replyLike ? trimReply(mail.text) : mail.text.slice(0, 2000),
    bounce: mail.bounce ? { hard: mail.bounce.hard, recipient: mail.bounce.recipient, reason: mail.bounce.reason, status: mail.bounce.status } : null,
    complaintRecipient: mail.complaint?.recipient ?? null,
    machineEvidence: mail.autoReply?.reason ?? (mail.complaint ? `feedback report: ${mail.complaint.feedbackType}` : mail.bounce ? `delivery report: ${mail.bounce.reason}` : null),
    intent: intent === null ? null : { intent: intent.intent, confidence: intent.confidence, evidence: intent.evidence, facts: { ...intent.facts }, lang: intent.lang },
  };
}

/** The MessageReader the engine's receiveMessage uses. */
export const messageReader: MessageReader = { messageId: rawMessageId, read: readInboundMessage };
