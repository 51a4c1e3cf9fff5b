// Recognises non-delivery reports: RFC 3464 multipart/report first, then the common
// plain-text formats (qmail, Exim, Postfix notices, Exchange/Domino, Gmail, Yahoo, GMX ...).
import { classifyFailure, findStatusCode, isAddressReason } from './bounce-reason.ts';
import type { BounceReason } from './bounce-reason.ts';
import { parseDsn } from './dsn.ts';
import type { DsnRecipient } from './dsn.ts';
import type { MailView } from './mime.ts';

/**
 * A delivery failure. `hard` means the address itself is dead (unknown user or domain, the
 * delivery abandoned): switch contact. Everything else (full mailbox, spam filter, delay) is
 * soft. `final` is false while the sending server is still retrying (Action: delayed).
 */
export type BounceInfo = {
  readonly hard: boolean;
  readonly final: boolean;
  readonly status: string | null;
  readonly recipient: string | null;
  readonly reason: BounceReason;
  readonly diagnostic: string | null;
};

const daemonSender = /^(mailer-?daemon|postmaster|poostmaster|mail-?daemon|mdaemon|bounces?|nobody)@/i;
const daemonName = /mail delivery (system|subsystem|service)|mailer.?daemon|postmaster|interscan/i;
const bounceSubject =
  /delivery status notification|undeliver(ed|able)|mail delivery failed|returned mail|failure notice|delivery failure|non remis|unzustellbar|nicht zustellbar|message not delivered|returned to sender|delayed mail|mail failure|delivery (has )?failed|delivery delayed|配信できません|не доставлено|недоставленное/i;
const bounceBody =
  /could not be delivered|couldn.t be delivered|wasn.t able to deliver|unable to deliver|delivery (to the following recipients? )?(has )?failed|permanent (fatal )?error|was not delivered|message not delivered|échec de la remise|nicht zugestellt|не может быть (доставлено|отправлено)|Remote host said: [45]\d\d|RCPT TO:?<[^>]+>[\s\S]{0,80}[45]\d\d /i;
const copyMarker =
  /^.*(copy of the (original )?message|below this line|original message (headers|follows)|header of the original message|undelivered message|original-recipient|^return-path:|^received: from).*$/im;
const delayedText = /\bdelay(ed)?\b.{0,60}\b(still|retry|retried|will (continue|try))|warning only|not yet (been )?delivered|have not yet received/i;

/** The human-readable part of a report, without the returned original. */
function noticeText(view: MailView): string {
  const text = view.text.trim() === '' ? view.rawText.slice(view.rawText.indexOf('\n\n') + 2) : view.text;
  const m = copyMarker.exec(text);
  return m ? text.slice(0, m.index) : text;
}

function dsnRecipients(view: MailView): DsnRecipient[] {
  for (const part of view.parts) {
    if (part.contentType !== 'message/delivery-status') continue;
    const found = parseDsn(part.text);
    if (found.length > 0) return found;
  }
  // Malformed reports put the fields in the text part or nowhere mailparser can see.
  const fromText = parseDsn(view.text);
  if (fromText.length > 0) return fromText;
  const cut = view.rawText.search(/^content-type:\s*(message\/rfc822|text\/rfc822-headers)/im);
  return parseDsn(cut > 0 ? view.rawText.slice(0, cut) : view.rawText);
}

function looksLikeBounce(view: MailView): boolean {
  if (view.contentType === 'multipart/report' && view.reportType === 'delivery-status') return true;
  if (view.parts.some((p) => p.contentType === 'message/delivery-status')) return true;
  const fromHeader = view.header('from') ?? '';
  const fromDaemon = daemonSender.test(view.from ?? '') || daemonName.test(fromHeader);
  const subject = bounceSubject.test(view.subject);
  const body = bounceBody.test(noticeText(view));
  return (fromDaemon && (subject || body)) || (subject && body && /^<?>?$/.test(view.header('return-path') ?? 'x'));
}

function textRecipient(view: MailView, notice: string): string | null {
  const ignore = new Set([...view.to, view.from ?? ''].map((a) => a.toLowerCase()));
  for (const m of notice.matchAll(/(?<![\w.+-])([\w.+-]+@[\w-]+(\.[\w-]+)+)/g)) {
    const address = (m[1] ?? '').toLowerCase().replace(/\.$/, '');
    const before = notice.slice(Math.max(0, m.index - 12), m.index);
    if (ignore.has(address) || daemonSender.test(address) || /mail from:?\s*<?$/i.test(before)) continue;
    return address;
  }
  return null;
}

/** Reads a delivery failure from a parsed message; null when it is not a bounce. */
export function detectBounce(view: MailView): BounceInfo | null {
  if (!looksLikeBounce(view)) return null;
  const notice = noticeText(view);
  const recipients = dsnRecipients(view);
  const chosen = recipients.find((r) => r.action === 'failed') ?? recipients[0] ?? null;
  const delayed = chosen?.action === 'delayed' || (chosen === null && delayedText.test(notice));
  const status = chosen?.status ?? findStatusCode(chosen?.diagnostic ?? notice);
  const text = `${chosen?.diagnostic ?? ''}\n${notice}`;
  const reason = classifyFailure({
    status,
    action: delayed ? 'delayed' : (chosen?.action ?? null),
    diagnosticType: chosen?.diagnosticType ?? null,
    text,
  });
  return {
    hard: !delayed && isAddressReason(reason),
    final: !delayed,
    status,
    recipient: chosen?.recipient ?? textRecipient(view, notice),
    reason,
    diagnostic: chosen?.diagnostic ?? null,
  };
}
