// `dunwise cash stripe`, `cash stripe-listen` and `cards` as a user runs them: signed files
// applied once, bad and replayed signatures refused with nothing applied, the loopback endpoint
// answering Stripe properly, the card sweep, and the card-update email through SMTP.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { signStripeBody } from '../src/cash/stripe-signature.ts';
import { cli, tempDataDir } from './support/cli.ts';
import { smtpSink } from './support/smtp-sink.ts';
import { chargeObject, failedCharge, invoiceObject, stripeBody } from './support/stripe.ts';

const secret = 'whsec_cli_test_secret';
const now = '2026-03-17T14:00:00Z'; // a Tuesday afternoon in Berlin: inside the send window
const nowSeconds = Date.parse(now) / 1000;

function setup() {
  const dir = tempDataDir();
  const dataDir = join(dir, 'data');
  const invoices = join(dir, 'invoices.csv');
  writeFileSync(invoices, [
    'Invoice Number,Customer Number,Customer,Email,Invoice Date,Due Date,Amount,Currency',
    'SUB-1,C-1,Northwind Analytics,billing@northwind.example,2026-03-01,2026-03-15,49.00,EUR',
    'SUB-2,C-2,Contoso Cloud,ap@contoso.example,2026-03-01,2026-03-15,249.00,EUR',
  ].join('\n'));
  const file = (name: string, body: string): string => {
    const path = join(dir, name);
    writeFileSync(path, body);
    return path;
  };
  return { dir, dataDir, invoices, file };
}

const env = { DUNWISE_STRIPE_WEBHOOK_SECRET: secret };

async function open(dataDir: string, number: string): Promise<string> {
  const r = await cli(['ledger', '--json'], { dataDir, now, env });
  assert.equal(r.code, 0, r.err);
  const account = await cli(['accounts', 'show', number === 'SUB-1' ? 'C-1' : 'C-2', '--json'], { dataDir, now, env });
  const inv = (JSON.parse(account.out) as { invoices: { number: string; open: string }[] }).invoices.find((i) => i.number === number);
  return inv?.open ?? '?';
}

test('cash stripe: a signed file applies once; bad, replayed and missing signatures are refused and apply nothing', async () => {
  const { dataDir, invoices, file } = setup();
  assert.equal((await cli(['import', 'invoices', invoices], { dataDir, now, env })).code, 0);
  const body = stripeBody('evt_paid1', 'invoice.paid', '2026-03-17', invoiceObject({ number: 'SUB-1', amount_paid: 4900 }));
  const paid = file('paid.json', body);
  const good = signStripeBody(body, secret, nowSeconds);

  const bad = await cli(['cash', 'stripe', paid, '--signature-header', good.replace(/.$/, (c) => (c === '0' ? '1' : '0'))], { dataDir, now, env });
  assert.equal(bad.code, 1);
  assert.match(bad.out, /paid\.json: REFUSED, signature refused: the signature does not match: the body was changed, or it was signed with another secret; nothing was applied/);
  const replayed = await cli(['cash', 'stripe', paid, '--signature-header', signStripeBody(body, secret, nowSeconds - 3600)], { dataDir, now, env });
  assert.equal(replayed.code, 1);
  assert.match(replayed.out, /signature timestamp is older than the tolerance: a replayed or delayed request; nothing was applied/);
  assert.equal(await open(dataDir, 'SUB-1'), '49.00', 'nothing was applied by refused files');

  const applied = await cli(['cash', 'stripe', paid, '--signature-header', good], { dataDir, now, env });
  assert.equal(applied.code, 0, applied.err);
  assert.equal(applied.out.trim(), `${paid}: evt_paid1 invoice.paid: applied: EUR 49.00 on SUB-1`);
  assert.equal(await open(dataDir, 'SUB-1'), '0.00');
  const again = await cli(['cash', 'stripe', paid, '--signature-header', good, '--json'], { dataDir, now, env });
  assert.equal(again.code, 0);
  assert.deepEqual((JSON.parse(again.out) as { status: string }[]).map((r) => r.status), ['duplicate']);

  const old = await cli(['cash', 'stripe', paid, '--signature-header', signStripeBody(body, secret, nowSeconds - 3600), '--tolerance', '7200'], { dataDir, now, env });
  assert.match(old.out, /duplicate: received before, nothing applied again/, 'an operator may replay an old file with a larger tolerance');

  const count = await cli(['cash', 'stripe', paid, paid, '--signature-header', good], { dataDir, now, env });
  assert.equal(count.code, 2);
  assert.match(count.err, /give one --signature-header per file: 2 files, 1 header/);
  const noSecret = await cli(['cash', 'stripe', paid, '--signature-header', good], { dataDir, now, env: { DUNWISE_STRIPE_WEBHOOK_SECRET: '' } });
  assert.equal(noSecret.code, 2);
  assert.match(noSecret.err, /DUNWISE_STRIPE_WEBHOOK_SECRET is not set/);
});

test('cards: a failed payment, the card-update email through SMTP with a signed link, the sweep, the events', async () => {
  const sink = await smtpSink();
  const { dataDir, invoices, file } = setup();
  const cardEnv = {
    ...env, DUNWISE_SMTP_URL: `smtp://127.0.0.1:${sink.port}`, DUNWISE_MAIL_FROM: 'billing@creditor.example', DUNWISE_CREDITOR_NAME: 'Creditor SaaS',
    DUNWISE_CARD_EMAILS: 'auto', DUNWISE_CARD_UPDATE_LINK: 'https://billing.creditor.example/card?t={token}', DUNWISE_PORTAL_SECRET: 'portal-secret-for-tests-0123456789',
  };
  try {
    assert.equal((await cli(['import', 'invoices', invoices], { dataDir, now, env: cardEnv })).code, 0);
    const body = stripeBody('evt_fail1', 'charge.failed', '2026-03-17', failedCharge({ id: 'ch_f1', invoice: 'in_2', payment_intent: 'pi_2', amount: 24900, metadata: { invoice_number: 'SUB-2' } }, { reason: 'insufficient_funds', network_decline_code: '51' }));
    const r = await cli(['cash', 'stripe', file('failed.json', body), '--signature-header', signStripeBody(body, secret, nowSeconds)], { dataDir, now, env: cardEnv });
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /charge\.failed: applied: card payment failed \(soft: soft_decline_code insufficient_funds\), next retry 2026-03-18, card-update email queued/);

    const sent = await cli(['dispatch', '--json'], { dataDir, now, env: cardEnv });
    assert.equal((JSON.parse(sent.out) as { sent: number }).sent, 1, sent.out + sent.err);
    const mail = sink.received[0];
    assert.equal(mail?.subject, 'Your card payment of €249.00 did not go through');
    assert.match(mail?.text ?? '', /We will try the card again on March 18, 2026\./);
    assert.match(mail?.text ?? '', /Update your card: https:\/\/billing\.creditor\.example\/card\?t=[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+/);

    const list = JSON.parse((await cli(['cards', 'list', '--json'], { dataDir, now, env: cardEnv })).out) as { status: string; nextRetryOn: string; attempts: unknown[] }[];
    assert.deepEqual(list.map((f) => [f.status, f.nextRetryOn, f.attempts.length]), [['retrying', '2026-03-18', 1]]);
    assert.match((await cli(['cards', 'due'], { dataDir, now, env: cardEnv })).out, /No card retry is due on 2026-03-17\./);
    const due = await cli(['--as-of', '2026-03-18', 'cards', 'due', '--json'], { dataDir, now, env: cardEnv });
    assert.equal((JSON.parse(due.out) as unknown[]).length, 1);
    const run = await cli(['--as-of', '2026-03-18', 'cards', 'run'], { dataDir, now, env: cardEnv });
    assert.match(run.out, /Cards: 1 retry due announced, 0 card-update emails queued, 0 suspended, 0 recovered/);
    const events = JSON.parse((await cli(['cards', 'events', '--json'], { dataDir, now, env: cardEnv })).out) as { id: number; kind: string; payload: Record<string, unknown> }[];
    assert.deepEqual(events.map((e) => [e.kind, e.payload['invoice'], e.payload['dueOn'], e.payload['paymentIntent']]), [['card.retry_due', 'SUB-2', '2026-03-18', 'pi_2']]);
    assert.equal((await cli(['cards', 'events', '--after', String(events[0]?.id), '--json'], { dataDir, now, env: cardEnv })).out.trim(), '[]');
    const bad = await cli(['cards', 'list', '--status', 'nope'], { dataDir, now, env: cardEnv });
    assert.equal(bad.code, 2);
    assert.match(bad.err, /--status must be one of retrying, grace, suspended, recovered/);
  } finally {
    await sink.stop();
  }
});

test('cash stripe-listen answers Stripe: 200 applied, 200 duplicate, 400 bad signature, 405 and 404; stops on SIGTERM', async () => {
  const { dataDir, invoices } = setup();
  assert.equal((await cli(['import', 'invoices', invoices], { dataDir, now, env })).code, 0);
  const child = spawn(join(import.meta.dirname, '..', 'bin', 'dunwise'), ['cash', 'stripe-listen', '--port', '0'], { env: { ...process.env, DUNWISE_DATA_DIR: dataDir, DUNWISE_TIME_ZONE: 'Europe/Berlin', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (b: Buffer) => (out += b.toString()));
  child.stderr.on('data', (b: Buffer) => (out += b.toString()));
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no listening line: ${out}`)), 20_000);
      child.stdout.on('data', () => {
        const m = /Listening for Stripe webhooks on (http:\/\/\S+)/.exec(out);
        if (m?.[1]) {
          clearTimeout(timer);
          resolve(m[1]);
        }
      });
    });
    const body = stripeBody('evt_http1', 'charge.succeeded', '2026-03-17', chargeObject({ id: 'ch_h', payment_intent: 'pi_h', amount: 4900, metadata: { invoice_number: 'SUB-1' } }));
    const post = (b: string, signature: string | null) => fetch(url, { method: 'POST', body: b, headers: signature === null ? {} : { 'Stripe-Signature': signature } });
    const signature = signStripeBody(body, secret, Math.floor(Date.now() / 1000));
    const first = await post(body, signature);
    assert.equal(first.status, 200);
    assert.deepEqual(await first.json(), { received: true, event: 'evt_http1', status: 'applied', reason: 'paid' });
    const second = await post(body, signature);
    assert.deepEqual([second.status, ((await second.json()) as { status: string }).status], [200, 'duplicate']);
    const forged = await post(body.replace('4900', '1'), signature);
    assert.deepEqual([forged.status, await forged.json()], [400, { error: 'signature', detail: 'mismatch' }]);
    const unsigned = await post(body, null);
    assert.deepEqual([unsigned.status, await unsigned.json()], [400, { error: 'signature', detail: 'missing' }]);
    const stale = await post(body, signStripeBody(body, secret, Math.floor(Date.now() / 1000) - 600));
    assert.deepEqual([stale.status, await stale.json()], [400, { error: 'signature', detail: 'too_old' }]);
    assert.equal((await fetch(url)).status, 405);
    assert.equal((await fetch(url.replace('/stripe', '/other'), { method: 'POST', body })).status, 404);
  } finally {
    child.kill('SIGTERM');
    const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    assert.equal(code, 0, out);
    assert.match(out, /Stopped\./);
  }
  assert.equal(await open(dataDir, 'SUB-1'), '0.00', 'the one applied event paid the invoice once');
});

test('card and Stripe settings are checked at start with a precise message', async () => {
  const dataDir = tempDataDir();
  const cases: [Record<string, string>, RegExp][] = [
    [{ DUNWISE_CARD_RETRY_DAYS: '1,x' }, /DUNWISE_CARD_RETRY_DAYS must be whole days such as 1,3,5,7/],
    [{ DUNWISE_CARD_RETRY_DAYS: '5,3' }, /DUNWISE_CARD_RETRY_DAYS must be ascending/],
    [{ DUNWISE_STRIPE_WEBHOOK_SECRET: 'sk_live_oops' }, /DUNWISE_STRIPE_WEBHOOK_SECRET must be a Stripe signing secret \(whsec_\.\.\.\)/],
    [{ DUNWISE_CARD_UPDATE_LINK: 'https://billing.example/card?t={token}' }, /has \{token\}: set DUNWISE_PORTAL_SECRET to sign it/],
  ];
  for (const [bad, message] of cases) {
    const r = await cli(['cards', 'list'], { dataDir, now, env: bad });
    assert.equal(r.code, 2, JSON.stringify(bad));
    assert.match(r.err, message);
  }
});
