// The whole loop: a reminder goes out through a real SMTP server, the customer answers "we'll pay
// on the 15th" into Dunwise's own SMTP endpoint, the case is snoozed to that date (plus grace), and
// preview shows the next reminder only after it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTransport } from 'nodemailer';
import { smtpEmailProvider } from '../src/channels/index.ts';
import { fixedClock } from '../src/core/clock.ts';
import { channelDeliverer } from '../src/dispatch/deliverer.ts';
import { dispatchTouches } from '../src/engine/dispatch-touches.ts';
import { importInvoices } from '../src/engine/import-invoices.ts';
import { receiveMessage } from '../src/engine/inbound-receive.ts';
import { previewTouches } from '../src/engine/preview-touches.ts';
import { runDunning } from '../src/engine/run-dunning.ts';
import { REVIEW_THRESHOLD } from '../src/inbound/intent/types.ts';
import { messageReader } from '../src/inbound/read-message.ts';
import { startSmtpEndpoint } from '../src/inbound/smtp-endpoint.ts';
import { dispatchStore } from '../src/store/dispatch-store.ts';
import { inboundStore } from '../src/store/inbound-store.ts';
import { loadTemplates } from '../src/templates/index.ts';
import { ladder } from '../src/core/cadence/test-policy.ts';
import { planning, stores } from './support/cadence.ts';
import { day, inv, items } from './support/records.ts';
import { smtpSink } from './support/smtp-sink.ts';
import { withStore } from './stores.ts';

test('reminder out by SMTP, "we\u2019ll pay on the 15th" back into the endpoint, case snoozed, next reminder after it', () =>
  withStore(async (s) => {
    const policy = ladder({}, ladder().steps.map((st) => ({ ...st, approval: 'auto' as const })));
    const { ledger, cadence } = stores(s);
    await importInvoices(ledger, { file: 'a', fileHash: 'a', defaults: { timeZone: 'Europe/Berlin', country: 'DE', locale: 'en' }, items: items([inv('R-1', { dueDate: day('2026-03-02'), buyerEmail: 'ap@acme.example' })]) });
    await runDunning(cadence, day('2026-03-09'), planning(policy)); // d+7, approved automatically
    const sink = await smtpSink();
    const provider = smtpEmailProvider({ host: '127.0.0.1', port: sink.port, tls: 'none', auth: null });
    const deliverer = channelDeliverer({
      templates: await loadTemplates(null),
      creditor: { name: 'Creditor GmbH', addressLines: ['Hauptstr. 1'], email: 'ar@creditor.example', phone: '', bank: null, paymentLink: null, portalLink: null },
      email: { provider, from: 'ar@creditor.example', replies: { kind: 'domain', domain: 'reply.creditor.example' } },
      letterDir: null, paper: 'A4', sms: null, whatsapp: null,
    });
    const sent = await dispatchTouches(dispatchStore(s.db, s.dialect), deliverer, { now: () => new Date('2026-03-09T10:00:00Z'), today: day('2026-03-09'), policyFor: () => policy, paused: false });
    provider.close();
    await sink.stop();
    assert.equal(sent.sent, 1);
    const reminder = sink.received[0];
    const replyTo = reminder?.replyTo?.text ?? '';
    assert.ok(reminder && replyTo.endsWith('@reply.creditor.example'), 'the reminder carries the case reply address');

    const store = inboundStore(s.db, fixedClock(new Date('2026-03-10T09:00:00Z')));
    const endpoint = await startSmtpEndpoint({
      host: '127.0.0.1', port: 0, domains: ['reply.creditor.example'], maxBytes: 1 << 20,
      onMessage: async (raw, envelope) => {
        await receiveMessage(store, { reader: messageReader, reviewThreshold: REVIEW_THRESHOLD }, { raw, receivedAt: '2026-03-10T09:00:00.000Z', receivedOn: day('2026-03-10'), source: 'smtp', envelopeTo: envelope.to });
      },
    });
    const customer = createTransport({ host: '127.0.0.1', port: endpoint.port, secure: false, ignoreTLS: true });
    try {
      await customer.sendMail({
        from: 'ap@acme.example', to: replyTo, subject: `Re: ${reminder.subject ?? ''}`,
        inReplyTo: reminder.messageId, references: reminder.messageId, date: new Date('2026-03-10T08:30:00Z'),
        text: `Hi,\n\nWe'll pay on the 15th.\n\nThanks, Ana\n\n> ${(reminder.text ?? '').split('\n').join('\n> ')}`,
      });
    } finally {
      customer.close();
      await endpoint.close();
    }
    const c = await s.db.selectFrom('cases').select(['state', 'state_reason', 'state_until']).executeTakeFirstOrThrow();
    assert.deepEqual({ ...c }, { state: 'snoozed', state_reason: 'promise', state_until: '2026-03-17' }, 'promised the 15th, plus two days of grace');

    const ahead = await previewTouches(cadence, day('2026-03-10'), 30, planning(policy), null);
    assert.ok(ahead.length > 0, 'a follow-up is planned');
    assert.ok(ahead.every((t) => t.on >= '2026-03-17'), `nothing before the promised date (+grace): ${ahead.map((t) => t.on).join(', ')}`);
    assert.equal(ahead[0]?.on, '2026-03-17');
  }));
