// Sorts an inbound message into human reply, auto-reply, bounce or complaint.
import { detectAutoReply } from './auto-reply.ts';
import { detectBounce } from './bounce.ts';
import type { BounceInfo } from './bounce.ts';
import { fieldGroups } from './dsn.ts';
import { readMail } from './mime.ts';
import type { MailView } from './mime.ts';

/**
 * `complaint` is an ARF (RFC 5965) feedback report: the recipient's provider says the person
 * marked our mail as spam. The address works, so it is not a bounce; but the person does not
 * want the mail, so the engine should stop e-mailing that contact and tell a person, which is
 * neither what a bounce (switch contact) nor an auto-reply (ignore) would do.
 */
export const MailKind = { human: 'human', autoReply: 'auto_reply', bounce: 'bounce', complaint: 'complaint' } as const;
export type MailKind = (typeof MailKind)[keyof typeof MailKind];

/** What an inbound message is, with the threading headers and its best plain text. */
export type MailClassification = {
  readonly kind: MailKind;
  readonly bounce: BounceInfo | null;
  readonly autoReply: { readonly reason: string } | null;
  readonly complaint: { readonly feedbackType: string; readonly recipient: string | null } | null;
  readonly messageId: string | null;
  readonly inReplyTo: string | null;
  readonly references: readonly string[];
  readonly from: string | null;
  readonly to: readonly string[];
  readonly subject: string;
  /** ISO instant from the Date header, or null when missing or unreadable. */
  readonly date: string | null;
  readonly text: string;
};

function detectComplaint(view: MailView): MailClassification['complaint'] {
  const part = view.parts.find((p) => p.contentType === 'message/feedback-report');
  if (view.reportType !== 'feedback-report' && !part) return null;
  const fields = new Map(fieldGroups(part?.text ?? '').flatMap((g) => [...g]));
  const recipient = /<?([^\s<>]+@[^\s<>]+)>?/.exec(fields.get('original-rcpt-to') ?? fields.get('removal-recipient') ?? '');
  return { feedbackType: fields.get('feedback-type')?.toLowerCase() ?? 'abuse', recipient: recipient?.[1] ?? null };
}

/** Classifies raw MIME bytes: bounce before complaint before auto-reply before human. */
export async function classifyMail(raw: Buffer): Promise<MailClassification> {
  const view = await readMail(raw);
  const bounce = detectBounce(view);
  const complaint = bounce ? null : detectComplaint(view);
  const autoReply = bounce || complaint ? null : detectAutoReply(view.header, view.subject);
  const kind = bounce ? MailKind.bounce : complaint ? MailKind.complaint : autoReply ? MailKind.autoReply : MailKind.human;
  return {
    kind,
    bounce,
    autoReply,
    complaint,
    messageId: view.messageId,
    inReplyTo: view.inReplyTo,
    references: view.references,
    from: view.from,
    to: view.to,
    subject: view.subject,
    date: view.date,
    text: view.text,
  };
}
