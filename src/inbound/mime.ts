// Thin wrapper over mailparser: one normalised view of a raw message for the detectors.
import { simpleParser } from 'mailparser';
import type { AddressObject, ParsedMail } from 'mailparser';

/** A part that machines read: delivery-status, feedback-report, rfc822 headers. */
export type MimeReportPart = { readonly contentType: string; readonly text: string };

/** The fields of a parsed message that classification needs; header names are lower case. */
export type MailView = {
  readonly header: (name: string) => string | null;
  readonly contentType: string;
  readonly reportType: string | null;
  readonly messageId: string | null;
  readonly inReplyTo: string | null;
  readonly references: readonly string[];
  readonly from: string | null;
  readonly to: readonly string[];
  readonly subject: string;
  readonly date: string | null;
  readonly text: string;
  readonly parts: readonly MimeReportPart[];
  /** The raw message as latin1 text with LF line ends: fallback for malformed reports. */
  readonly rawText: string;
};

/**
 * Old Mac mail uses bare CR line ends, which mailparser reads as one endless header; rewrite
 * them to CRLF first. Only done when there is no CRLF at all, so binary parts are left alone.
 */
function normaliseLineEnds(raw: Buffer): Buffer {
  const latin = raw.toString('latin1');
  if (!latin.includes('\r') || latin.includes('\n')) return raw;
  return Buffer.from(latin.replace(/\r/g, '\r\n'), 'latin1');
}

function addresses(value: AddressObject | AddressObject[] | undefined): string[] {
  const list = value === undefined ? [] : Array.isArray(value) ? value : [value];
  return list.flatMap((a) => a.value.map((v) => v.address ?? '')).filter((a) => a !== '');
}

function headerText(parsed: ParsedMail, name: string): string | null {
  const line = parsed.headerLines.find((h) => h.key === name);
  if (!line) return null;
  const value = line.line.slice(line.line.indexOf(':') + 1);
  return value.replace(/\r?\n[ \t]+/g, ' ').trim();
}

const reportTypes = ['message/delivery-status', 'message/feedback-report', 'text/rfc822-headers', 'message/rfc822-headers'];

/** Parses raw MIME bytes; never throws on malformed input (an empty view at worst). */
export async function readMail(raw: Buffer): Promise<MailView> {
  const bytes = normaliseLineEnds(raw);
  const parsed = await simpleParser(bytes, { keepDeliveryStatus: true, skipImageLinks: true });
  const ct = parsed.headers.get('content-type');
  const ctValue = typeof ct === 'object' && ct !== null && 'value' in ct && typeof ct.value === 'string' ? ct.value : '';
  const params = typeof ct === 'object' && ct !== null && 'params' in ct ? (ct.params as Record<string, string>) : {};
  const refs = parsed.references;
  const parts = parsed.attachments
    .filter((a) => reportTypes.includes(a.contentType.toLowerCase()))
    .map((a) => ({ contentType: a.contentType.toLowerCase(), text: a.content.toString('utf8') }));
  return {
    header: (name) => headerText(parsed, name.toLowerCase()),
    contentType: ctValue.toLowerCase(),
    reportType: params['report-type']?.toLowerCase() ?? null,
    messageId: parsed.messageId ?? null,
    inReplyTo: parsed.inReplyTo ?? null,
    references: refs === undefined ? [] : Array.isArray(refs) ? refs : [refs],
    from: addresses(parsed.from)[0] ?? null,
    to: addresses(parsed.to),
    subject: parsed.subject ?? '',
    date: parsed.date && !Number.isNaN(parsed.date.getTime()) ? parsed.date.toISOString() : null,
    text: (parsed.text ?? '').replace(/\r\n?/g, '\n'),
    parts,
    rawText: bytes.toString('latin1').replace(/\r\n?/g, '\n'),
  };
}
