import { smtpEmailProvider, twilioCompatibleProvider, type ReplyAddressing } from '../channels/index.ts';
import type { Config } from '../config.ts';
import { loadTemplates } from '../templates/index.ts';
import { channelDeliverer } from './deliverer.ts';
import type { Deliverer } from '../engine/dispatch-ports.ts';

/** Builds the deliverer from the configuration: templates loaded and checked, providers set up. */
export async function delivererFromConfig(config: Config): Promise<{ deliverer: Deliverer; close(): void }> {
  const templates = await loadTemplates(config.templatesDir);
  const smtp = config.smtpUrl ? smtpFromUrl(config.smtpUrl) : null;
  const provider = smtp ? smtpEmailProvider(smtp) : null;
  const from = config.mailFrom ?? config.creditor.email;
  const replies: ReplyAddressing = config.replyDomain ? { kind: 'domain', domain: config.replyDomain } : { kind: 'plus', mailbox: config.replyMailbox ?? from };
  const sms = config.sms ? twilioCompatibleProvider({ baseUrl: config.sms.url, accountSid: config.sms.sid, authToken: config.sms.token, from: config.sms.from, channel: 'sms' }) : null;
  const whatsapp = config.sms ? twilioCompatibleProvider({ baseUrl: config.sms.url, accountSid: config.sms.sid, authToken: config.sms.token, from: config.sms.from, channel: 'whatsapp' }) : null;
  const c = config.creditor;
  const deliverer = channelDeliverer({
    templates,
    creditor: { name: c.name, addressLines: c.addressLines, email: c.email, phone: c.phone, bank: c.iban ? { iban: c.iban, bic: c.bic ?? '' } : null, paymentLink: c.paymentLink, portalLink: c.portalLink, cardUpdate: config.cards.updateLink ? { link: config.cards.updateLink, secret: config.cards.linkSecret } : null },
    email: provider ? { provider, from, replies } : null,
    letterDir: config.letterDir,
    paper: config.paper,
    sms,
    whatsapp,
  });
  return { deliverer, close: () => provider?.close() };
}

function smtpFromUrl(url: string): Parameters<typeof smtpEmailProvider>[0] {
  const u = new URL(url);
  const port = Number(u.port || (u.protocol === 'smtps:' ? 465 : 587));
  const tls = u.protocol === 'smtps:' ? 'implicit' : port === 587 ? 'starttls' : 'none';
  return { host: u.hostname, port, tls, auth: u.username ? { user: decodeURIComponent(u.username), pass: decodeURIComponent(u.password) } : null };
}
