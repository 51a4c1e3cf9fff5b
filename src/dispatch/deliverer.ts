import { caseReplyAddress, fileDropLetterProvider, renderLetterPdf, type EmailProvider, type ReplyAddressing, type ShortMessageProvider } from '../channels/index.ts';
import type { SendResult } from '../channels/index.ts';
import { callScript } from '../channels/index.ts';
import type { LocalDate } from '../core/local-date.ts';
import type { Channel } from '../core/policy/types.ts';
import type { ChannelResult, Deliverer, TouchDelivery } from '../engine/dispatch-ports.ts';
import { renderReminder, type TemplateSet } from '../templates/index.ts';
import type { Creditor } from './creditor.ts';
import { reminderContent } from './reminder-content.ts';

export type DelivererConfig = {
  readonly templates: TemplateSet;
  readonly creditor: Creditor;
  readonly email: { readonly provider: EmailProvider; readonly from: string; readonly replies: ReplyAddressing } | null;
  readonly letterDir: string | null;
  readonly paper: 'A4' | 'Letter';
  readonly sms: ShortMessageProvider | null;
  readonly whatsapp: ShortMessageProvider | null;
};

/** Renders a touch with the templates and hands it to the channel's provider. */
export function channelDeliverer(config: DelivererConfig): Deliverer {
  const letters = config.letterDir ? fileDropLetterProvider(config.letterDir) : null;
  return {
    async deliver(touch: TouchDelivery, channel: Channel, today: LocalDate): Promise<ChannelResult> {
      const content = reminderContent(touch, config.creditor, today);
      const key = `${touch.idempotencyKey}:${channel}`;
      switch (channel) {
        case 'email': {
          if (!config.email) return { kind: 'permanent', reason: 'no SMTP server is configured (DUNWISE_SMTP_URL)' };
          if (!touch.contact?.email) return { kind: 'permanent', reason: `${touch.account.name} has no email address` };
          const m = renderReminder(config.templates, content, 'email');
          return fromSend(await config.email.provider.send({
            to: touch.contact.email,
            from: config.email.from,
            replyTo: caseReplyAddress(config.email.replies, String(touch.caseId)),
            subject: touch.override.subject ?? m.subject,
            text: touch.override.text ?? m.text,
            html: touch.override.text ? `<pre>${escapeHtml(touch.override.text)}</pre>` : m.html,
            attachments: [],
            idempotencyKey: key,
          }));
        }
        case 'letter': {
          if (!letters) return { kind: 'permanent', reason: 'no letter folder is configured' };
          const text = renderReminder(config.templates, content, 'letter');
          const pdf = await renderLetterPdf(content, { paper: config.paper, text });
          return fromSend(await letters.send({ idempotencyKey: key, pdf }));
        }
        case 'sms':
        case 'whatsapp': {
          const provider = channel === 'sms' ? config.sms : config.whatsapp;
          if (!provider) return { kind: 'permanent', reason: `no ${channel} provider is configured` };
          if (!touch.contact?.phone) return { kind: 'permanent', reason: `${touch.account.name} has no phone number` };
          const m = renderReminder(config.templates, content, channel);
          return fromSend(await provider.send({ to: touch.contact.phone, body: m.text, idempotencyKey: key }));
        }
        case 'call_task':
          return { kind: 'task', title: `Call ${touch.account.name} about ${touch.invoices.length} invoice(s)`, detail: callScript(content) };
        case 'portal':
          return { kind: 'task', title: `Portal only: ${touch.account.name}`, detail: 'the portal shows the open invoices; nothing is sent' };
      }
    },
  };
}

function fromSend(result: SendResult): ChannelResult {
  return result.kind === 'sent' ? { kind: 'sent', providerId: result.messageId } : result;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
