// End to end: a reply sent with nodemailer to the case's reply address, through the built-in
// SMTP endpoint on 127.0.0.1, snoozes the case.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTransport } from 'nodemailer';
import { caseReplyAddress } from '../src/channels/email/message-id.ts';
import { fixedClock } from '../src/core/clock.ts';
import { importInvoices } from '../src/engine/import-invoices.ts';
import { receiveMessage, type ReceiveOutcome } from '../src/engine/inbound-receive.ts';
import { runDunning } from '../src/engine/run-dunning.ts';
import { REVIEW_THRESHOLD } from '../src/inbound/intent/types.ts';
import { messageReader } from '../src/inbound/read-message.ts';
import { startSmtpEndpoint } from '../src/inbound/smtp-endpoint.ts';
import { inboundStore } from '../src/store/inbound-store.ts';
import { planning, stores } from './support/cadence.ts';
import { day, inv, items } from './support/records.ts';
import { withStore } from './stores.ts';

test('a reply sent over SMTP to the case reply address snoozes the case; other domains and oversized mail are refused', () =>
  withStore(async (s) => {
    const { ledger, cadence } = stores(s);
    await importInvoices(ledger, { file: 'a', fileHash: 'a', defaults: { timeZone: 'UTC', country: 'DE', locale: 'en' }, items: items([inv('C-1', { dueDate: day('2026-03-02') })]) });
    await runDunning(cadence, day('2026-02-27'), planning());
    const c = await s.db.selectFrom('cases').select('id').executeTakeFirstOrThrow();
    const replyTo = caseReplyAddress({ kind: 'domain', domain: 'reply.creditor.example' }, String(c.id));
    const store = inboundStore(s.db, fixedClock(new Date('2026-03-10T09:00:00Z')));
    const outcomes: ReceiveOutcome[] = [];
    const endpoint = await startSmtpEndpoint({
      host: '127.0.0.1', port: 0, domains: ['reply.creditor.example'], maxBytes: 64 * 1024,
      onMessage: async (raw, envelope) => {
        outcomes.push(await receiveMessage(store, { reader: messageReader, reviewThreshold: REVIEW_THRESHOLD }, { raw, receivedAt: '2026-03-10T09:00:00.000Z', receivedOn: day('2026-03-10'), source: 'smtp', envelopeTo: envelope.to }));
      },
    });
    const transport = createTransport({ host: '127.0.0.1', port: endpoint.port, secure: false, ignoreTLS: true, connectionTimeout: 5000 });
    try {
      const info = await transport.sendMail({ from: 'Ana Buyer <ap@acme.example>', to: replyTo, subject: 'Re: Payment reminder', text: "Hello,\n\nwe will pay on the 15th.\n\nKind regards\nAna", date: new Date('2026-03-10T08:30:00Z') });
      assert.deepEqual(info.accepted, [replyTo]);
      assert.equal(outcomes.length, 1);
      const o = outcomes[0];
      assert.ok(o?.kind === 'processed' && o.threadedBy === 'reply_address' && o.status === 'acted', JSON.stringify(o));
      const row = await s.db.selectFrom('cases').select(['state', 'state_reason', 'state_until']).where('id', '=', c.id).executeTakeFirstOrThrow();
      assert.deepEqual({ ...row }, { state: 'snoozed', state_reason: 'promise', state_until: '2026-03-17' });
      await assert.rejects(transport.sendMail({ from: 'x@acme.example', to: 'someone@other.example', subject: 'x', text: 'x' }), (e: { responseCode?: number }) => e.responseCode === 550);
      await assert.rejects(transport.sendMail({ from: 'x@acme.example', to: replyTo, subject: 'big', text: 'x'.repeat(100 * 1024) }), (e: { responseCode?: number }) => e.responseCode === 552);
      assert.equal(outcomes.length, 1, 'refused mail is never stored');
    } finally {
      transport.close();
      await endpoint.close();
    }
  }));

test('a message that cannot be stored is refused with 451 so the sender retries', async () => {
  const endpoint = await startSmtpEndpoint({ host: '127.0.0.1', port: 0, domains: ['reply.creditor.example'], maxBytes: 64 * 1024, onMessage: () => Promise.reject(new Error('store down')) });
  const transport = createTransport({ host: '127.0.0.1', port: endpoint.port, secure: false, ignoreTLS: true });
  try {
    await assert.rejects(transport.sendMail({ from: 'a@acme.example', to: 'case-1@reply.creditor.example', subject: 'x', text: 'x' }), (e: { responseCode?: number }) => e.responseCode === 451);
  } finally {
    transport.close();
    await endpoint.close();
  }
});
