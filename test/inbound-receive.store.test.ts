// Replies wired into the engine, on both stores: threading, acting by intent, the queues.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { caseReplyAddress, messageIdFor } from '../src/channels/email/message-id.ts';
import { fixedClock } from '../src/core/clock.ts';
import { importInvoices } from '../src/engine/import-invoices.ts';
import { receiveMessage } from '../src/engine/inbound-receive.ts';
import { reclassifyMessage } from '../src/engine/inbound-reclassify.ts';
import { previewTouches } from '../src/engine/preview-touches.ts';
import { runDunning } from '../src/engine/run-dunning.ts';
import { explain } from '../src/engine/explain.ts';
import { REVIEW_THRESHOLD } from '../src/inbound/intent/types.ts';
import { messageReader } from '../src/inbound/read-message.ts';
import { inboundStore } from '../src/store/inbound-store.ts';
import type { StoreHandle } from '../src/store/open-store.ts';
import { readFixture } from './fixtures.ts';
import { outbox, planning, stores } from './support/cadence.ts';
import { day, inv, items } from './support/records.ts';
import { withStore } from './stores.ts';

const defaults = { timeZone: 'UTC', country: 'DE', locale: 'en' };
const mailbox = { kind: 'plus', mailbox: 'ar@creditor.example' } as const;
const inbound = (s: StoreHandle) => inboundStore(s.db, fixedClock(new Date('2026-03-10T09:00:00Z')));

/** A raw RFC 5322 message; headers in order, then the body. */
function mail(h: { from?: string; to: string; subject?: string; date?: string; id?: string; inReplyTo?: string; extra?: string[] }, body: string): Buffer {
  const lines = [
    `From: ${h.from ?? 'Ana Buyer <ap@acme.example>'}`, `To: ${h.to}`, `Subject: ${h.subject ?? 'Re: Payment reminder'}`,
    `Date: ${h.date ?? 'Tue, 10 Mar 2026 10:00:00 +0100'}`, ...(h.id === undefined ? [] : [`Message-ID: ${h.id}`]),
    ...(h.inReplyTo === undefined ? [] : [`In-Reply-To: ${h.inReplyTo}`]), ...(h.extra ?? []), 'MIME-Version: 1.0', 'Content-Type: text/plain; charset=utf-8', '', body,
  ];
  return Buffer.from(lines.join('\r\n'), 'utf8');
}

function receive(s: StoreHandle, raw: Buffer, on = '2026-03-10') {
  return receiveMessage(inbound(s), { reader: messageReader, reviewThreshold: REVIEW_THRESHOLD }, { raw, receivedAt: `${on}T09:00:00.000Z`, receivedOn: day(on), source: 'test' });
}

/** ACME with C-1 and C-2 due 2026-03-02 and a case planned once; returns the case id and its reply address. */
async function acme(s: StoreHandle, extra: Parameters<typeof inv>[] = []): Promise<{ caseId: number; replyTo: string }> {
  const { ledger, cadence } = stores(s);
  await importInvoices(ledger, { file: 'a', fileHash: 'a', defaults, items: items([inv('C-1', { dueDate: day('2026-03-02') }), inv('C-2', { dueDate: day('2026-03-02') }), ...extra.map((a) => inv(...a))]) });
  await runDunning(cadence, day('2026-02-27'), planning());
  const c = await s.db.selectFrom('cases').innerJoin('accounts', 'accounts.id', 'cases.account_id').select('cases.id').where('accounts.ref', '=', 'ACME').executeTakeFirstOrThrow();
  return { caseId: Number(c.id), replyTo: caseReplyAddress(mailbox, String(c.id)) };
}

const plain = <T extends object>(row: T): T => ({ ...row });
const caseRow = async (s: StoreHandle, id: number) => plain(await s.db.selectFrom('cases').select(['state', 'state_reason', 'state_until', 'last_reply_on']).where('id', '=', id).executeTakeFirstOrThrow());

test('"We\'ll pay on the 15th" to the reply address snoozes the case to the 15th + grace; preview shows the follow-up after it', () =>
  withStore(async (s) => {
    const { caseId, replyTo } = await acme(s);
    const r = await receive(s, mail({ to: replyTo, id: '<p1@acme.example>' }, "Hi,\n\nWe'll pay on the 15th.\n\nBest regards\nAna"));
    assert.equal(r.kind, 'processed');
    assert.ok(r.kind === 'processed' && r.threadedBy === 'reply_address' && r.status === 'acted', JSON.stringify(r));
    assert.deepEqual(await caseRow(s, caseId), { state: 'snoozed', state_reason: 'promise', state_until: '2026-03-17', last_reply_on: '2026-03-10' });
    const promise = plain(await s.db.selectFrom('promises').select(['promised_on', 'grace_until', 'status']).executeTakeFirstOrThrow());
    assert.deepEqual(promise, { promised_on: '2026-03-15', grace_until: '2026-03-17', status: 'open' });
    const { cadence } = stores(s);
    const preview = await previewTouches(cadence, day('2026-03-10'), 21, planning(), 'ACME');
    assert.ok(preview.length > 0, 'a follow-up is planned');
    assert.equal(preview[0]?.on, '2026-03-17', 'nothing before the promise (and its grace) ends');
    const why = await explain(cadence, 'ACME', day('2026-03-11'), planning());
    const held = why.cases[0]?.history.find((h) => h.reason === 'promise');
    assert.match(held?.facts ?? '', /reply #\d+ from ap@acme\.example: promised to pay on 2026-03-15; 2 days' grace; snoozed until 2026-03-17/);
    assert.equal(why.cases[0]?.today[0]?.reason, 'promise');
    const audit = await s.db.selectFrom('audit_log').select(['action', 'actor']).where('entity', '=', 'case').execute();
    assert.deepEqual(audit.map(plain), [{ action: 'snoozed', actor: 'inbound' }]);
  }));

test('the same Message-ID is processed once', () =>
  withStore(async (s) => {
    const { replyTo } = await acme(s);
    const raw = mail({ to: replyTo, id: '<same@acme.example>' }, "We'll pay on the 15th.");
    assert.equal((await receive(s, raw)).kind, 'processed');
    const again = await receive(s, raw);
    assert.equal(again.kind, 'duplicate');
    const noId = mail({ to: replyTo }, 'Could you send me a copy of invoice C-1?');
    assert.equal((await receive(s, noId)).kind, 'processed');
    assert.equal((await receive(s, noId)).kind, 'duplicate', 'a message without Message-ID is known by the hash of its bytes');
    assert.equal((await s.db.selectFrom('inbound_messages').select('id').execute()).length, 2);
    assert.equal((await s.db.selectFrom('promises').select('id').execute()).length, 1);
    assert.equal((await s.db.selectFrom('tasks').select('id').where('kind', '=', 'resend_documents').execute()).length, 1);
  }));

test('a dispute reply opens a dispute on the invoice it names, and the next run skips that invoice', () =>
  withStore(async (s) => {
    const { caseId, replyTo } = await acme(s);
    const r = await receive(s, mail({ to: replyTo, id: '<d1@acme.example>', subject: 'Re: Payment reminder C-1, C-2' }, 'We dispute invoice C-2: the goods arrived damaged and we will not pay for them.'), '2026-03-05');
    assert.ok(r.kind === 'processed' && r.read.intent?.intent === 'dispute', JSON.stringify(r));
    const disputes = await s.db.selectFrom('disputes').innerJoin('invoices', 'invoices.id', 'disputes.invoice_id').select(['invoices.number', 'disputes.reason', 'disputes.status']).execute();
    assert.deepEqual(disputes.map(plain), [{ number: 'C-2', reason: 'quality', status: 'open' }]);
    await runDunning(stores(s).cadence, day('2026-03-09'), planning());
    assert.deepEqual((await outbox(s)).slice(1), ['2026-03-09 d+7 C-1/d+7']);
    const held = await s.db.selectFrom('decisions').select(['reason', 'detail']).where('case_id', '=', caseId).where('reason', '=', 'disputed').execute();
    assert.ok(held.some((h) => /dispute opened \(quality\)/.test(h.detail)));
  }));

test('an out-of-office auto-reply with a return date snoozes; an auto-reply without one does nothing', () =>
  withStore(async (s) => {
    const { caseId, replyTo } = await acme(s);
    const autoHeaders = ['Auto-Submitted: auto-replied', 'X-Auto-Response-Suppress: All'];
    const quiet = await receive(s, mail({ to: replyTo, id: '<a0@acme.example>', subject: 'Automatic reply: Payment reminder', extra: autoHeaders }, "Thank you for your e-mail. We will pay on the 15th and answer you soon."));
    assert.ok(quiet.kind === 'processed' && quiet.read.kind === 'auto_reply' && quiet.status === 'ignored', JSON.stringify(quiet));
    assert.deepEqual(await caseRow(s, caseId), { state: 'active', state_reason: null, state_until: null, last_reply_on: null }, 'an auto-reply acts on nothing, not even its promise');
    assert.equal((await s.db.selectFrom('tasks').select('id').execute()).length, 0);
    assert.equal((await s.db.selectFrom('promises').select('id').execute()).length, 0);
    const ooo = await receive(s, mail({ to: replyTo, id: '<a1@acme.example>', subject: 'Out of office: Payment reminder', extra: autoHeaders }, 'I am out of the office until 20 March 2026 with no access to e-mail.'));
    assert.ok(ooo.kind === 'processed' && ooo.status === 'acted', JSON.stringify(ooo));
    assert.deepEqual(await caseRow(s, caseId), { state: 'snoozed', state_reason: 'out_of_office', state_until: '2026-03-20', last_reply_on: null });
  }));

test('a hard bounce marks the address invalid and opens a data-quality task', () =>
  withStore(async (s) => {
    await acme(s, [['J-1', { accountRef: 'JP', accountName: 'Neko KK', buyerEmail: 'filtered@example.co.jp', dueDate: day('2026-03-02') }]]);
    const r = await receive(s, readFixture('email/bounces-autoreplies__sisimai/bsd__lhost-postfix-02.eml'));
    assert.ok(r.kind === 'processed' && r.read.kind === 'bounce' && r.threadedBy === 'sender' && r.status === 'acted', JSON.stringify(r));
    const issue = plain(await s.db.selectFrom('contact_issues').select(['email', 'issue', 'reason']).executeTakeFirstOrThrow());
    assert.deepEqual(issue, { email: 'filtered@example.co.jp', issue: 'invalid', reason: 'hard bounce: user_unknown (5.2.1)' });
    assert.equal((await s.db.selectFrom('tasks').select('kind').executeTakeFirstOrThrow()).kind, 'data_quality');
    const soft = await receive(s, readFixture('email/bounces-autoreplies__sisimai/bsd__rfc3464-07.eml'));
    assert.ok(soft.kind === 'processed' && soft.status !== 'acted', 'a delayed (soft) report changes nothing');
    assert.equal((await s.db.selectFrom('contact_issues').select('id').execute()).length, 1);
  }));

test('replies thread by In-Reply-To (recorded or deterministic Message-ID) and by sender; unknown ones wait unmatched', () =>
  withStore(async (s) => {
    const { caseId } = await acme(s);
    const touch = await s.db.selectFrom('touches').select(['id', 'idempotency_key']).executeTakeFirstOrThrow();
    const stranger = 'Bob <bob@elsewhere.example>';
    const ours = messageIdFor(touch.idempotency_key, 'creditor.example');
    const r1 = await receive(s, mail({ from: stranger, to: 'ar@creditor.example', id: '<t1@x>', inReplyTo: ours }, 'Can you send me a copy of the invoice?'));
    assert.ok(r1.kind === 'processed' && r1.threadedBy === 'in_reply_to' && r1.caseId === caseId, JSON.stringify(r1));
    await s.db.updateTable('touches').set({ provider_message_id: '<relay-123@smtp.example>' }).where('id', '=', touch.id).execute();
    const r2 = await receive(s, mail({ from: stranger, to: 'ar@creditor.example', id: '<t2@x>', inReplyTo: '<relay-123@smtp.example>' }, 'Please send a statement.'));
    assert.ok(r2.kind === 'processed' && r2.threadedBy === 'in_reply_to', JSON.stringify(r2));
    const r3 = await receive(s, mail({ to: 'ar@creditor.example', id: '<t3@x>' }, 'Please send a statement.'));
    assert.ok(r3.kind === 'processed' && r3.threadedBy === 'sender' && r3.caseId === caseId);
    const lost = await receive(s, mail({ from: stranger, to: 'ar@creditor.example', id: '<t4@x>' }, "We'll pay on the 15th."));
    assert.ok(lost.kind === 'processed' && lost.status === 'unmatched' && lost.caseId === null, JSON.stringify(lost));
    const queue = await inbound(s).list({ status: 'unmatched', limit: 10 });
    assert.deepEqual(queue.map((m) => m.id), [lost.id]);
    assert.equal((await caseRow(s, caseId)).state, 'active', 'an unmatched message acts on nothing');
    const done = await reclassifyMessage(inbound(s), { id: lost.id, intent: 'promise', date: day('2026-03-20'), caseId, actor: 'test' });
    assert.deepEqual([done.status, done.action], ['acted', 'snoozed until 2026-03-22 (promise)']);
    assert.equal((await inbound(s).message(lost.id))?.threadedBy, 'manual');
  }));

test('low confidence waits for a person with its best guess; reclassify applies the chosen intent', () =>
  withStore(async (s) => {
    const { caseId, replyTo } = await acme(s);
    const r = await receive(s, mail({ to: replyTo, id: '<q@acme.example>' }, 'We need to talk about this.'));
    assert.ok(r.kind === 'processed' && r.status === 'needs_review', JSON.stringify(r));
    assert.match(r.kind === 'processed' ? r.action : '', /best guess other \(confidence 0\.\d\d\)/);
    assert.equal((await caseRow(s, caseId)).state, 'active');
    assert.equal((await caseRow(s, caseId)).last_reply_on, '2026-03-10', 'a human reply is a reply, even unread');
    const done = await reclassifyMessage(inbound(s), { id: r.id, intent: 'dispute', date: null, caseId: null, actor: 'test' });
    assert.match(done.action, /dispute opened \(other\) on C-1, C-2/);
    const stored = await inbound(s).message(r.id);
    assert.deepEqual([stored?.status, stored?.intent, stored?.confidence], ['acted', 'dispute', 1]);
  }));
