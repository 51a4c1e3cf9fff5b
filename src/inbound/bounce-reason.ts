// Why a delivery failed, from the enhanced status code (RFC 3463) and the diagnostic text.
// The text wins over the code because many servers send 5.1.1 or 5.0.0 for everything.

/** Closed set of delivery-failure reasons. */
export const BounceReason = {
  userUnknown: 'user_unknown',
  hostUnknown: 'host_unknown',
  mailboxFull: 'mailbox_full',
  messageTooBig: 'message_too_big',
  rejected: 'rejected',
  mailerError: 'mailer_error',
  delayed: 'delayed',
  expired: 'expired',
  other: 'other',
} as const;
export type BounceReason = (typeof BounceReason)[keyof typeof BounceReason];

/** Reasons that mean the address itself is dead: the contact must change, retrying is futile. */
export function isAddressReason(reason: BounceReason): boolean {
  return reason === BounceReason.userUnknown || reason === BounceReason.hostUnknown;
}

const textRules: readonly (readonly [BounceReason, RegExp])[] = [
  // Evidence that the mailbox exists comes first: a full mailbox is not a dead address.
  [BounceReason.mailboxFull, /mailbox (is )?full|over ?quota|quota exceeded|disk space|insufficient (system )?storage|mailbox.{0,20}full|postfach (ist )?voll/i],
  [BounceReason.messageTooBig, /size limit|message (is )?too (big|large)|exceeds.{0,30}size|mesg.?too.?big/i],
  [BounceReason.rejected, /spam|\bUBE\b|blocked|black ?list|policy|access denied|not permitted|rejected your message|use the smtp server of your isp|auth(entication)?\b|send mail as|relay(ing)? (denied|not)|filter/i],
  [BounceReason.hostUnknown, /host (or domain name )?(not found|unknown)|domain (does not exist|not found|unknown)|no such domain|unrouteable|nxdomain/i],
  [BounceReason.userUnknown, /user ?unknown|unknown user|no such (user|mailbox|recipient|address)|recipient.{0,20}(not found|unknown|invalid)|address.{0,40}(not found|wasn.t found|doesn.t exist|does not exist)|not listed in|mailbox (unavailable|not found|does not exist)|invalid (recipient|mailbox)|introuvable|destinataire inval|recipientnotfound|account.{0,20}(disabled|does not exist)/i],
  [BounceReason.expired, /(delivery|retry) (time|period).{0,20}(expired|exceeded)|too long in queue|giving up/i],
];

/** Classifies one failed or delayed recipient. `diagnosticType` is the part before ';'. */
export function classifyFailure(input: {
  status: string | null;
  action: string | null;
  diagnosticType: string | null;
  text: string;
}): BounceReason {
  const { status, action, diagnosticType } = input;
  // Addresses such as filtered@example.com must not read as reasons.
  const text = input.text.replace(/<?[\w.+-]+@[\w.-]+>?/g, ' ');
  if (action === 'delayed') return BounceReason.delayed;
  // A local delivery program (procmail, a pipe) failed: not a verdict on the address.
  if (diagnosticType === 'x-unix' || /procmail|\|\s*exec\b/i.test(text)) return BounceReason.mailerError;
  for (const [reason, pattern] of textRules) if (pattern.test(text)) return reason;
  return fromStatus(status);
}

function fromStatus(status: string | null): BounceReason {
  if (status === null) return BounceReason.other;
  const [cls, subject, detail] = status.split('.');
  const code = `${subject}.${detail}`;
  if (code === '1.1' || code === '1.10' || code === '1.0' || code === '1.6' || code === '2.1') {
    return BounceReason.userUnknown;
  }
  if (code === '1.2') return BounceReason.hostUnknown;
  if (code === '2.2') return BounceReason.mailboxFull;
  if (code === '2.3' || code === '3.4') return BounceReason.messageTooBig;
  if (subject === '7') return BounceReason.rejected;
  if (code === '4.7') return BounceReason.expired;
  if (cls === '4') return BounceReason.delayed;
  return BounceReason.other;
}

/** The first enhanced status code (x.y.z) in a text, ignoring IP addresses and versions. */
export function findStatusCode(text: string): string | null {
  const m = /(?<![\d.])([245]\.\d{1,3}\.\d{1,3})(?![\d.]*\d)/.exec(text);
  return m?.[1] ?? null;
}
