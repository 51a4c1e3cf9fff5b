// SMS and WhatsApp through Twilio's Messages API or any service that speaks it:
// POST {baseUrl}/2010-04-01/Accounts/{sid}/Messages.json, form-encoded To/From/Body, basic
// auth. We send an Idempotency-Key so a provider that honours it drops a retried duplicate.
import { DunwiseError, ErrorCode } from '../../core/errors.ts';
import type { SendResult } from '../delivery.ts';
import { checkE164 } from './e164.ts';
import { smsSize } from './segments.ts';

/** Account, sender and channel of one provider. */
export type TwilioConfig = {
  readonly baseUrl: string;
  readonly accountSid: string;
  readonly authToken: string;
  /** Our sender number in E.164. */
  readonly from: string;
  readonly channel: 'sms' | 'whatsapp';
  /** Default 15 s; a request that takes longer is transient. */
  readonly timeoutMs?: number;
};

/** One short message. */
export type ShortMessage = {
  readonly to: string;
  readonly body: string;
  readonly idempotencyKey: string;
};

/** Sends SMS or WhatsApp messages. */
export type ShortMessageProvider = {
  readonly send: (message: ShortMessage) => Promise<SendResult>;
};

/** Refused before sending: SMS longer than this many segments (a letter, not a text). */
export const maxSmsSegments = 10;
/** Twilio's limit for a message body, which also bounds WhatsApp. */
export const maxBodyCharacters = 1600;

/** A provider for a Twilio-compatible Messages API. Throws when `from` is not E.164. */
export function twilioCompatibleProvider(config: TwilioConfig): ShortMessageProvider {
  const from = checkE164(config.from);
  if (from.kind === 'invalid')
    throw new DunwiseError(ErrorCode.invalidInput, `sender: ${from.reason}`);
  const url = `${config.baseUrl.replace(/\/+$/, '')}/2010-04-01/Accounts/${encodeURIComponent(config.accountSid)}/Messages.json`;
  const auth = `Basic ${Buffer.from(`${config.accountSid}:${config.authToken}`).toString('base64')}`;
  const address = (n: string) => (config.channel === 'whatsapp' ? `whatsapp:${n}` : n);
  return {
    async send({ to, body, idempotencyKey }) {
      const target = checkE164(to);
      if (target.kind === 'invalid') return { kind: 'permanent', reason: target.reason };
      const refusal = tooLong(config.channel, body);
      if (refusal !== null) return { kind: 'permanent', reason: refusal };
      let response: Response;
      try {
        response = await fetch(url, {
          method: 'POST',
          headers: {
            authorization: auth,
            'content-type': 'application/x-www-form-urlencoded',
            accept: 'application/json',
            'idempotency-key': idempotencyKey,
          },
          body: new URLSearchParams({
            To: address(target.number),
            From: address(from.number),
            Body: body,
          }),
          signal: AbortSignal.timeout(config.timeoutMs ?? 15_000),
        });
      } catch (error) {
        return {
          kind: 'transient',
          reason: `request failed: ${(error as Error).name}: ${(error as Error).message}`,
        };
      }
      const text = await response.text().catch(() => '');
      const json = parseJson(text);
      if (response.ok) {
        const sid = typeof json['sid'] === 'string' ? json['sid'] : '';
        if (sid === '')
          return { kind: 'transient', reason: `HTTP ${response.status} without a message sid` };
        return {
          kind: 'sent',
          messageId: sid,
          response:
            `HTTP ${response.status} ${typeof json['status'] === 'string' ? json['status'] : ''}`.trim(),
        };
      }
      const detail = typeof json['message'] === 'string' ? json['message'] : text.slice(0, 200);
      const code =
        typeof json['code'] === 'number' || typeof json['code'] === 'string'
          ? ` (code ${json['code']})`
          : '';
      const reason = `HTTP ${response.status}${code}: ${detail}`;
      // 408 and 429 are "not now", not "never".
      const retry = response.status >= 500 || response.status === 408 || response.status === 429;
      return retry ? { kind: 'transient', reason } : { kind: 'permanent', reason };
    },
  };
}

function tooLong(channel: 'sms' | 'whatsapp', body: string): string | null {
  if (body.trim() === '') return 'the message is empty';
  if ([...body].length > maxBodyCharacters)
    return `the message has more than ${maxBodyCharacters} characters`;
  if (channel === 'whatsapp') return null;
  const size = smsSize(body);
  if (size.segments > maxSmsSegments) {
    return `the SMS needs ${size.segments} ${size.encoding} segments; at most ${maxSmsSegments} are sent`;
  }
  return null;
}

function parseJson(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
