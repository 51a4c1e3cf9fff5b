// Email over SMTP with nodemailer. One provider per configured server; each send is one
// message with our own deterministic Message-ID and an explicit outcome.
import { createTransport } from 'nodemailer';
import type { SendResult } from '../delivery.ts';
import { classifySmtpError } from './classify.ts';
import { domainOf, messageIdFor } from './message-id.ts';

/** Where and how to submit mail. */
export type SmtpConfig = {
  readonly host: string;
  readonly port: number;
  /** 'implicit': TLS from the first byte (465); 'starttls': upgrade required (587); 'none': plain (tests, local relays). */
  readonly tls: 'implicit' | 'starttls' | 'none';
  readonly auth: { readonly user: string; readonly pass: string } | null;
  /** The right-hand side of our Message-IDs; defaults to the From address's domain. */
  readonly messageIdDomain?: string;
  /** Unsubscribe targets for the List-Unsubscribe header (RFC 2369; RFC 8058 one-click when url is set). */
  readonly listUnsubscribe?: { readonly mailto: string | null; readonly url: string | null } | null;
  /** Connection, greeting and socket timeout; default 30 s. */
  readonly timeoutMs?: number;
};

/** One email to send. */
export type EmailMessage = {
  readonly to: string;
  readonly from: string;
  /** The per-case reply address (see caseReplyAddress). */
  readonly replyTo: string;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  readonly attachments: readonly {
    readonly filename: string;
    readonly content: Buffer;
    readonly contentType?: string;
  }[];
  /** Extra headers; they win over the configured List-Unsubscribe. */
  readonly headers?: Readonly<Record<string, string>>;
  /** The touch's key: the same key always yields the same Message-ID. */
  readonly idempotencyKey: string;
};

/** Sends email; close() releases the transport. */
export type EmailProvider = {
  readonly send: (message: EmailMessage) => Promise<SendResult>;
  readonly close: () => void;
};

/** An EmailProvider that submits over SMTP. */
export function smtpEmailProvider(config: SmtpConfig): EmailProvider {
  const timeout = config.timeoutMs ?? 30_000;
  const transport = createTransport({
    host: config.host,
    port: config.port,
    secure: config.tls === 'implicit',
    requireTLS: config.tls === 'starttls',
    ignoreTLS: config.tls === 'none',
    ...(config.auth === null ? {} : { auth: { user: config.auth.user, pass: config.auth.pass } }),
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
    // Attachments are buffers we made; never let message content read files or URLs.
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  return {
    async send(message) {
      const domain = config.messageIdDomain ?? domainOf(message.from);
      if (domain === null)
        return { kind: 'permanent', reason: `no domain for Message-ID in From "${message.from}"` };
      const messageId = messageIdFor(message.idempotencyKey, domain);
      try {
        const info = await transport.sendMail({
          to: message.to,
          from: message.from,
          replyTo: message.replyTo,
          subject: message.subject,
          text: message.text,
          html: message.html,
          messageId,
          attachments: message.attachments.map((a) => ({
            filename: a.filename,
            content: a.content,
            ...(a.contentType === undefined ? {} : { contentType: a.contentType }),
          })),
          headers: { ...unsubscribeHeaders(config.listUnsubscribe ?? null), ...message.headers },
        });
        if (info.rejected.length > 0) {
          return { kind: 'permanent', reason: `rejected: ${info.rejected.map(String).join(', ')}` };
        }
        return { kind: 'sent', messageId, response: info.response };
      } catch (error) {
        return classifySmtpError(error);
      }
    },
    close() {
      transport.close();
    },
  };
}

function unsubscribeHeaders(
  u: { readonly mailto: string | null; readonly url: string | null } | null,
): Record<string, string> {
  if (u === null || (u.mailto === null && u.url === null)) return {};
  const targets = [
    u.mailto === null ? null : `<mailto:${u.mailto}>`,
    u.url === null ? null : `<${u.url}>`,
  ];
  const headers: Record<string, string> = {
    'List-Unsubscribe': targets.filter((t) => t !== null).join(', '),
  };
  if (u.url !== null) headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';
  return headers;
}
