// Turning a nodemailer failure into transient or permanent. SMTP says it in the reply code:
// 4xx means "try again later", 5xx means "this will not work" (550 no such mailbox, 552, 554).
// Without a reply code the failure is the network's (refused, reset, timed out): transient.
import type { SendResult } from '../delivery.ts';

type SmtpFailure = {
  code?: unknown;
  responseCode?: unknown;
  response?: unknown;
  command?: unknown;
  message?: unknown;
};

const networkCodes = new Set([
  'ECONNECTION',
  'ETIMEDOUT',
  'ESOCKET',
  'EDNS',
  'ECONNRESET',
  'ECONNREFUSED',
  'EPROTOCOL',
  'ETLS',
]);

/** Classifies an error thrown by nodemailer's sendMail. */
export function classifySmtpError(error: unknown): Exclude<SendResult, { kind: 'sent' }> {
  const e = (typeof error === 'object' && error !== null ? error : {}) as SmtpFailure;
  const text =
    typeof e.response === 'string'
      ? e.response
      : typeof e.message === 'string'
        ? e.message
        : String(error);
  const command = typeof e.command === 'string' ? ` (${e.command})` : '';
  if (typeof e.responseCode === 'number') {
    const reason = `SMTP ${e.responseCode}${command}: ${text}`;
    if (e.responseCode >= 500) return { kind: 'permanent', reason };
    return { kind: 'transient', reason };
  }
  const code = typeof e.code === 'string' ? e.code : 'unknown';
  if (networkCodes.has(code) || code === 'unknown')
    return { kind: 'transient', reason: `${code}: ${text}` };
  // EENVELOPE without a reply code, EMESSAGE, EAUTH: our message or configuration is wrong.
  return { kind: 'permanent', reason: `${code}: ${text}` };
}
