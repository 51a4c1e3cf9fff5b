// What a channel provider says after one attempt to deliver. Sending is irreversible, so the
// outcome separates "try again later" from "this will never work" instead of throwing.

/** The outcome of one delivery attempt. */
export type SendResult =
  /** The provider accepted the message; messageId is what it (or we) call it. */
  | { readonly kind: 'sent'; readonly messageId: string; readonly response: string }
  /** Worth retrying later: connection trouble, timeouts, 4xx SMTP replies, 5xx HTTP replies. */
  | { readonly kind: 'transient'; readonly reason: string }
  /** Retrying will not help: invalid mailbox or number, refused content, bad credentials. */
  | { readonly kind: 'permanent'; readonly reason: string };
