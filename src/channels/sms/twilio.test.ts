// Against a local HTTP server that checks every request like the Messages API would.
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import { DunwiseError } from '../../core/errors.ts';
import { twilioCompatibleProvider, type TwilioConfig } from './twilio.ts';

type Seen = {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  form: URLSearchParams;
};
type Reply = (seen: Seen, res: ServerResponse) => void;

async function withApi(
  reply: Reply,
  run: (base: Omit<TwilioConfig, 'channel'>, seen: Seen[]) => Promise<void>,
): Promise<void> {
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const s = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        form: new URLSearchParams(Buffer.concat(chunks).toString('utf8')),
      };
      seen.push(s);
      reply(s, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  try {
    await run(
      {
        baseUrl: `http://127.0.0.1:${port}/`,
        accountSid: 'AC123',
        authToken: 'secret',
        from: '+15005550006',
        timeoutMs: 1_000,
      },
      seen,
    );
  } finally {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

const json =
  (status: number, body: unknown): Reply =>
  (_s, res) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
const message = {
  to: '+4915112345678',
  body: 'Sample Supplier: Rechnung INV-1 (1.234,56 €) ist überfällig.',
  idempotencyKey: 'touch:1:sms',
};

test('SMS: one form-encoded POST with basic auth and the idempotency key; the sid comes back', async () => {
  await withApi(json(201, { sid: 'SM0001', status: 'queued' }), async (base, seen) => {
    const result = await twilioCompatibleProvider({ ...base, channel: 'sms' }).send(message);
    assert.deepEqual(result, { kind: 'sent', messageId: 'SM0001', response: 'HTTP 201 queued' });
    assert.equal(seen.length, 1);
    const [req] = seen;
    assert.ok(req);
    assert.equal(req.method, 'POST');
    assert.equal(req.url, '/2010-04-01/Accounts/AC123/Messages.json');
    assert.equal(
      req.headers.authorization,
      `Basic ${Buffer.from('AC123:secret').toString('base64')}`,
    );
    assert.equal(req.headers['content-type'], 'application/x-www-form-urlencoded');
    assert.equal(req.headers['idempotency-key'], 'touch:1:sms');
    assert.deepEqual(Object.fromEntries(req.form), {
      To: '+4915112345678',
      From: '+15005550006',
      Body: message.body,
    });
  });
});

test('WhatsApp: the same API with whatsapp: addresses', async () => {
  await withApi(json(201, { sid: 'SM0002', status: 'queued' }), async (base, seen) => {
    const result = await twilioCompatibleProvider({ ...base, channel: 'whatsapp' }).send(message);
    assert.equal(result.kind, 'sent');
    assert.equal(seen[0]?.form.get('To'), 'whatsapp:+4915112345678');
    assert.equal(seen[0]?.form.get('From'), 'whatsapp:+15005550006');
  });
});

test('4xx is permanent with the API message; 429 and 5xx are transient', async () => {
  await withApi(
    json(400, { code: 21211, message: "The 'To' number is not a valid phone number." }),
    async (base) => {
      const r = await twilioCompatibleProvider({ ...base, channel: 'sms' }).send(message);
      assert.deepEqual(r, {
        kind: 'permanent',
        reason: "HTTP 400 (code 21211): The 'To' number is not a valid phone number.",
      });
    },
  );
  await withApi(json(429, { code: 20429, message: 'Too Many Requests' }), async (base) => {
    assert.equal(
      (await twilioCompatibleProvider({ ...base, channel: 'sms' }).send(message)).kind,
      'transient',
    );
  });
  await withApi(
    (_s, res) => {
      res.writeHead(503);
      res.end('upstream down');
    },
    async (base) => {
      const r = await twilioCompatibleProvider({ ...base, channel: 'sms' }).send(message);
      assert.deepEqual(r, { kind: 'transient', reason: 'HTTP 503: upstream down' });
    },
  );
});

test('a server that does not answer in time is transient', async () => {
  await withApi(
    () => undefined,
    async (base) => {
      const r = await twilioCompatibleProvider({ ...base, channel: 'sms', timeoutMs: 200 }).send(
        message,
      );
      assert.equal(r.kind, 'transient');
      assert.match(r.kind === 'transient' ? r.reason : '', /TimeoutError/);
    },
  );
});

test('invalid numbers and over-long SMS are refused without a request', async () => {
  await withApi(json(201, { sid: 'SM0003' }), async (base, seen) => {
    const sms = twilioCompatibleProvider({ ...base, channel: 'sms' });
    const bad = await sms.send({ ...message, to: '0151 1234567' });
    assert.equal(bad.kind, 'permanent');
    assert.match(bad.kind === 'permanent' ? bad.reason : '', /not an E\.164 phone number/);
    const long = await sms.send({ ...message, body: 'ü'.repeat(1531) });
    assert.match(long.kind === 'permanent' ? long.reason : '', /11 GSM-7 segments; at most 10/);
    const ucs = await sms.send({ ...message, body: 'á'.repeat(671) });
    assert.match(ucs.kind === 'permanent' ? ucs.reason : '', /11 UCS-2 segments/);
    assert.equal((await sms.send({ ...message, body: 'á'.repeat(670) })).kind, 'sent');
    assert.equal(seen.length, 1);
  });
  assert.throws(
    () =>
      twilioCompatibleProvider({
        baseUrl: 'http://127.0.0.1:1',
        accountSid: 'a',
        authToken: 'b',
        from: '5551234',
        channel: 'sms',
      }),
    DunwiseError,
  );
});
