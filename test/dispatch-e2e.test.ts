// End to end on the embedded store: demo ledger -> run -> approve -> dispatch, through a real
// SMTP server and the letter folder; the guard at send time; a relay that dies mid-batch.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import { join } from 'node:path';
import { test } from 'node:test';
import { openStore } from '../src/store/open-store.ts';
import { cli, tempDataDir } from './support/cli.ts';
import { smtpSink } from './support/smtp-sink.ts';

const tuesday = '2026-03-17T14:00:00Z'; // inside 9-17 in Europe and New York, not in Tokyo

function env(dataDir: string, port: number): Record<string, string> {
  return {
    DUNWISE_SMTP_URL: `smtp://127.0.0.1:${port}`,
    DUNWISE_MAIL_FROM: 'ar@creditor.example',
    DUNWISE_REPLY_MAILBOX: 'ar@creditor.example',
    DUNWISE_CREDITOR_NAME: 'Creditor GmbH',
    DUNWISE_CREDITOR_ADDRESS: 'Hauptstr. 1|10115 Berlin',
    DUNWISE_CREDITOR_IBAN: 'DE89370400440532013000',
    DUNWISE_LETTER_DIR: join(dataDir, 'letters'),
    DUNWISE_PAYMENT_LINK: 'https://pay.creditor.example/{invoice}',
  };
}

async function deliveries(dataDir: string) {
  const store = await openStore({ kind: 'sqlite', dataDir });
  try {
    return await store.db.selectFrom('deliveries').innerJoin('touches', 'touches.id', 'deliveries.touch_id').innerJoin('cases', 'cases.id', 'touches.case_id')
      .innerJoin('accounts', 'accounts.id', 'cases.account_id').leftJoin('contacts', 'contacts.account_id', 'accounts.id')
      .select(['deliveries.channel', 'deliveries.status', 'deliveries.provider_id', 'contacts.email', 'cases.id as case_id', 'touches.status as touch_status'])
      .execute();
  } finally {
    await store.close();
  }
}

test('demo -> run -> approve -> dispatch: exactly the expected emails and letters arrive, and never twice', async () => {
  const sink = await smtpSink();
  const dataDir = tempDataDir();
  const e = env(dataDir, sink.port);
  try {
    await cli(['demo', '--accounts', '40'], { dataDir, now: tuesday, env: e });
    const run = JSON.parse((await cli(['run', '--json'], { dataDir, now: tuesday, env: e })).out) as { touches: number };
    assert.ok(run.touches > 5);
    const unapproved = await cli(['dispatch', '--json'], { dataDir, now: tuesday, env: e });
    assert.equal((JSON.parse(unapproved.out) as { sent: number }).sent, 0, 'review mode: nothing goes out before approval');
    const approved = await cli(['review', 'approve', '--all'], { dataDir, now: tuesday, env: e });
    assert.match(approved.out, new RegExp(`Approved ${run.touches} touch`));
    const sent = await cli(['dispatch', '--json'], { dataDir, now: tuesday, env: e });
    assert.equal(sent.code, 0, sent.err);
    const report = JSON.parse(sent.out) as { sent: number; waiting: number; failed: number };
    assert.equal(report.failed, 0);
    const rows = await deliveries(dataDir);
    const emails = rows.filter((r) => r.channel === 'email' && r.status === 'sent');
    assert.equal(sink.received.length, emails.length, 'one email per email delivery');
    assert.ok(emails.length > 0);
    for (const mail of sink.received) {
      const delivery = emails.find((r) => r.provider_id === mail.messageId);
      assert.ok(delivery, `message ${mail.messageId} is recorded`);
      assert.equal(mail.to && 'text' in mail.to ? mail.to.text : '', delivery.email);
      assert.equal(mail.replyTo?.text, `ar+case-${delivery.case_id}@creditor.example`);
      assert.ok((mail.subject ?? '').length > 5);
      assert.match(mail.text ?? '', /INV-\d+/);
    }
    const letters = rows.filter((r) => r.channel === 'letter' && r.status === 'sent');
    const files = existsSync(join(dataDir, 'letters')) ? readdirSync(join(dataDir, 'letters')).filter((f) => f.endsWith('.pdf')) : [];
    assert.equal(files.length, letters.length, 'one PDF per letter delivery');
    if (files[0]) {
      assert.equal(readFileSync(join(dataDir, 'letters', files[0])).subarray(0, 5).toString(), '%PDF-');
      if (hasPdftoppm()) {
        const pgm = execFileSync('pdftoppm', ['-gray', '-r', '30', '-f', '1', '-l', '1', join(dataDir, 'letters', files[0])]);
        assert.ok(darkPixels(pgm) > 200, 'page 1 of the letter is not blank');
      }
    }
    const again = JSON.parse((await cli(['dispatch', '--json'], { dataDir, now: tuesday, env: e })).out) as { sent: number };
    assert.equal(again.sent, 0);
    assert.equal(sink.received.length, emails.length, 'a second dispatch sends nothing again');
  } finally {
    await sink.stop();
  }
});

test('a payment after approval: the guard drops the invoice at the moment of sending', async () => {
  const sink = await smtpSink();
  const dataDir = tempDataDir();
  const e = env(dataDir, sink.port);
  try {
    await cli(['demo', '--accounts', '15'], { dataDir, now: tuesday, env: e });
    await cli(['run'], { dataDir, now: tuesday, env: e });
    await cli(['review', 'approve', '--all'], { dataDir, now: tuesday, env: e });
    const store = await openStore({ kind: 'sqlite', dataDir });
    const target = await store.db.selectFrom('touch_invoices').innerJoin('invoices', 'invoices.id', 'touch_invoices.invoice_id').innerJoin('touches', 'touches.id', 'touch_invoices.touch_id')
      .select(['invoices.id', 'invoices.number', 'touches.id as touch_id']).where('touches.channels', 'like', '%email%').orderBy('invoices.id').executeTakeFirstOrThrow();
    await store.db.updateTable('invoices').set({ open_minor: 0, status: 'paid' }).where('id', '=', target.id).execute();
    await store.close();
    await cli(['dispatch'], { dataDir, now: tuesday, env: e });
    const mentions = sink.received.filter((m) => (m.text ?? '').includes(target.number));
    assert.deepEqual(mentions.map((m) => m.subject), [], `no message names the paid invoice ${target.number}`);
    const after = await openStore({ kind: 'sqlite', dataDir });
    const touch = await after.db.selectFrom('touches').select(['status', 'status_reason']).where('id', '=', target.touch_id).executeTakeFirstOrThrow();
    await after.close();
    assert.ok(touch.status === 'cancelled' || /narrowed/.test(touch.status_reason ?? ''), JSON.stringify(touch));
  } finally {
    await sink.stop();
  }
});

test('the SMTP relay dies mid-batch and comes back: every touch is delivered exactly once', async () => {
  const sink = await smtpSink();
  const dataDir = tempDataDir();
  const e = env(dataDir, sink.port);
  try {
    await cli(['demo', '--accounts', '40'], { dataDir, now: tuesday, env: e });
    await cli(['run'], { dataDir, now: tuesday, env: e });
    await cli(['review', 'approve', '--all'], { dataDir, now: tuesday, env: e });
    sink.failAfter(3);
    const first = JSON.parse((await cli(['dispatch', '--json'], { dataDir, now: tuesday, env: e })).out) as { retrying: number };
    assert.ok(first.retrying > 0, 'the failures are transient and will be retried');
    await sink.stop();
    await sink.start();
    for (const later of ['2026-03-17T14:30:00Z', '2026-03-17T15:30:00Z', '2026-03-17T16:45:00Z']) await cli(['dispatch'], { dataDir, now: later, env: e });
    const rows = await deliveries(dataDir);
    const emailTouches = rows.filter((r) => r.channel === 'email');
    assert.ok(emailTouches.every((r) => r.status === 'sent'), JSON.stringify(emailTouches.filter((r) => r.status !== 'sent')));
    const ids = sink.received.map((m) => m.messageId);
    assert.equal(new Set(ids).size, ids.length, 'no message twice');
    assert.equal(ids.length, emailTouches.length, 'nothing missing');
  } finally {
    await sink.stop();
  }
});

test('an SMS step reaches a Twilio-compatible provider on loopback, once per touch', async () => {
  const requests: { path: string; form: URLSearchParams; key: string | undefined }[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      requests.push({ path: req.url ?? '', form: new URLSearchParams(body), key: req.headers['idempotency-key'] as string | undefined });
      res.writeHead(201, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ sid: `SM${requests.length}`, status: 'queued' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const dataDir = tempDataDir();
  const policy = join(dataDir, 'sms-policy.txt');
  writeFileSync(policy, '7 days overdue: firm SMS automatically.\nSend between 8:00 and 20:00 on any day.\n');
  const e = { ...env(dataDir, 1), DUNWISE_POLICY: policy, DUNWISE_SMS_URL: `http://127.0.0.1:${port}`, DUNWISE_SMS_SID: 'AC123', DUNWISE_SMS_TOKEN: 'secret', DUNWISE_SMS_FROM: '+4930123456' };
  try {
    await cli(['demo', '--accounts', '12'], { dataDir, now: tuesday, env: e });
    const store = await openStore({ kind: 'sqlite', dataDir });
    await store.db.updateTable('contacts').set((eb) => ({ phone: eb.fn('printf', [sql.lit('+49151%07d'), eb.ref('id')]) })).execute();
    await store.close();
    const run = JSON.parse((await cli(['run', '--json'], { dataDir, now: tuesday, env: e })).out) as { touches: number };
    assert.ok(run.touches > 0, 'the demo has invoices 7 days overdue or more');
    const sent = JSON.parse((await cli(['dispatch', '--json'], { dataDir, now: tuesday, env: e })).out) as { sent: number };
    assert.equal(sent.sent, run.touches, 'auto approval: sent without review');
    assert.equal(requests.length, run.touches, 'one provider request per touch');
    for (const r of requests) {
      assert.equal(r.path, '/2010-04-01/Accounts/AC123/Messages.json');
      assert.match(r.form.get('To') ?? '', /^\+49151\d{7}$/);
      assert.equal(r.form.get('From'), '+4930123456');
      assert.match(r.form.get('Body') ?? '', /INV-\d+/);
      assert.ok(r.key, 'an idempotency key on every request');
    }
    await cli(['dispatch'], { dataDir, now: tuesday, env: e });
    assert.equal(requests.length, run.touches, 'nothing sent twice');
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});

function hasPdftoppm(): boolean {
  try {
    execFileSync('pdftoppm', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Dark pixels of a binary PGM (P5) image. */
function darkPixels(pgm: Buffer): number {
  const header = pgm.toString('latin1', 0, 64).split(/\s+/);
  const headerLength = pgm.indexOf(Buffer.from(`${header[3]}\n`), 2) + `${header[3]}\n`.length;
  let dark = 0;
  for (let i = headerLength; i < pgm.length; i++) if ((pgm[i] as number) < 128) dark += 1;
  return dark;
}
