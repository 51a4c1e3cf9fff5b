// Against a real SMTP server (smtp-server) on 127.0.0.1: what arrives, and how failures classify.
import assert from 'node:assert/strict';
import type { AddressInfo, Socket } from 'node:net';
import { test } from 'node:test';
import { simpleParser } from 'mailparser';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import { messageIdFor, caseReplyAddress } from './message-id.ts';
import { smtpEmailProvider, type EmailMessage, type SmtpConfig } from './smtp-provider.ts';

type Received = { from: string; to: string[]; raw: Buffer };

async function withServer(
  hooks: Partial<Pick<SMTPServerOptions, 'onRcptTo' | 'onData'>>,
  run: (config: SmtpConfig, received: Received[], sockets: Set<Socket>) => Promise<void>,
): Promise<void> {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo: hooks.onRcptTo ?? ((_a, _s, cb) => cb()),
    onData:
      hooks.onData ??
      ((stream, session, cb) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          received.push({
            from: session.envelope.mailFrom === false ? '' : session.envelope.mailFrom.address,
            to: session.envelope.rcptTo.map((r) => r.address),
            raw: Buffer.concat(chunks),
          });
          cb();
        });
      }),
  });
  const sockets = new Set<Socket>();
  server.server.on('connection', (s: Socket) => sockets.add(s));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  try {
    await run(
      { host: '127.0.0.1', port, tls: 'none', auth: null, timeoutMs: 5_000 },
      received,
      sockets,
    );
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

const pdf = Buffer.from('%PDF-1.3\n% a tiny stand-in\n%%EOF\n');
const message: EmailMessage = {
  to: 'ap@customer.example',
  from: 'Supplier AR <ar@supplier.example>',
  replyTo: caseReplyAddress({ kind: 'plus', mailbox: 'ar@supplier.example' }, 'C-123'),
  subject: 'Zahlungserinnerung: Rechnung INV-1, 1.234,56 €',
  text: 'Guten Tag,\n\nbitte zahlen Sie 1.234,56 €.\n',
  html: '<p>Guten Tag,</p><p>bitte zahlen Sie <b>1.234,56 €</b>.</p>',
  attachments: [{ filename: 'INV-1.pdf', content: pdf, contentType: 'application/pdf' }],
  idempotencyKey: 'touch:inv-1:d+7:email',
};

test('delivers envelope, headers, both parts and the PDF; the Message-ID comes from the key', async () => {
  await withServer({}, async (config, received) => {
    const provider = smtpEmailProvider({
      ...config,
      listUnsubscribe: {
        mailto: 'unsubscribe@supplier.example',
        url: 'https://supplier.example/u/abc',
      },
    });
    const result = await provider.send(message);
    provider.close();
    const expectedId = messageIdFor(message.idempotencyKey, 'supplier.example');
    assert.deepEqual(result.kind === 'sent' && result.messageId, expectedId);
    assert.equal(received.length, 1);
    const [mail] = received;
    assert.ok(mail);
    assert.equal(mail.from, 'ar@supplier.example');
    assert.deepEqual(mail.to, ['ap@customer.example']);
    const parsed = await simpleParser(mail.raw);
    assert.equal(parsed.messageId, expectedId);
    assert.equal(parsed.replyTo?.text, 'ar+case-c-123@supplier.example');
    assert.equal(parsed.subject, message.subject);
    assert.equal(parsed.text?.trim(), message.text.trim());
    assert.equal(parsed.html, message.html);
    assert.match(
      mail.raw.toString('latin1'),
      /^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r$/m,
    );
    assert.match(
      mail.raw.toString('latin1'),
      /List-Unsubscribe: <mailto:unsubscribe@supplier\.example>,\s+<https:\/\/supplier\.example\/u\/abc>/,
    );
    assert.equal(parsed.attachments.length, 1);
    assert.equal(parsed.attachments[0]?.filename, 'INV-1.pdf');
    assert.equal(parsed.attachments[0]?.contentType, 'application/pdf');
    assert.ok(parsed.attachments[0]?.content.equals(pdf));
  });
});

test('a retry with the same key sends the same Message-ID; another key another one; no List-Unsubscribe unless configured', async () => {
  await withServer({}, async (config, received) => {
    const provider = smtpEmailProvider({ ...config, messageIdDomain: 'mail.supplier.example' });
    await provider.send(message);
    await provider.send(message);
    await provider.send({ ...message, idempotencyKey: 'touch:inv-1:d+14:email' });
    provider.close();
    const ids = await Promise.all(received.map(async (r) => (await simpleParser(r.raw)).messageId));
    assert.equal(ids[0], ids[1]);
    assert.notEqual(ids[1], ids[2]);
    assert.match(ids[0] ?? '', /^<dunwise\.[0-9a-f]{32}@mail\.supplier\.example>$/);
    assert.equal(
      (await simpleParser(received[0]?.raw ?? '')).headers.has('list-unsubscribe'),
      false,
    );
  });
});

function smtpError(code: number, text: string): Error {
  return Object.assign(new Error(text), { responseCode: code });
}

test('550 for the mailbox is permanent', async () => {
  await withServer(
    { onRcptTo: (_a, _s, cb) => cb(smtpError(550, 'No such user here')) },
    async (config, received) => {
      const provider = smtpEmailProvider(config);
      const result = await provider.send(message);
      provider.close();
      assert.equal(result.kind, 'permanent');
      assert.match(result.kind === 'permanent' ? result.reason : '', /550.*No such user/);
      assert.equal(received.length, 0);
    },
  );
});

test('451 after DATA is transient', async () => {
  const onData: SMTPServerOptions['onData'] = (stream, _s, cb) => {
    stream.resume();
    stream.on('end', () => cb(smtpError(451, 'Local error, try again later')));
  };
  await withServer({ onData }, async (config) => {
    const provider = smtpEmailProvider(config);
    const result = await provider.send(message);
    provider.close();
    assert.deepEqual(result.kind, 'transient');
    assert.match(result.kind === 'transient' ? result.reason : '', /451/);
  });
});

test('a connection dropped in the middle of DATA is transient', async () => {
  let sockets: Set<Socket> = new Set();
  const onData: SMTPServerOptions['onData'] = (stream) => {
    stream.once('data', () => {
      for (const s of sockets) s.destroy();
    });
  };
  await withServer({ onData }, async (config, _received, open) => {
    sockets = open;
    const provider = smtpEmailProvider(config);
    const big = {
      ...message,
      attachments: [{ filename: 'big.pdf', content: Buffer.alloc(512 * 1024, 65) }],
    };
    const result = await provider.send(big);
    provider.close();
    assert.equal(result.kind, 'transient', JSON.stringify(result));
  });
});

test('nobody listening is transient', async () => {
  let port = 0;
  await withServer({}, async (config) => {
    port = config.port;
  });
  const provider = smtpEmailProvider({
    host: '127.0.0.1',
    port,
    tls: 'none',
    auth: null,
    timeoutMs: 2_000,
  });
  const result = await provider.send(message);
  provider.close();
  assert.equal(result.kind, 'transient');
});

test('per-case reply addresses: plus-addressing or a reply domain', () => {
  assert.equal(
    caseReplyAddress({ kind: 'plus', mailbox: 'ar@creditor.example' }, '123'),
    'ar+case-123@creditor.example',
  );
  assert.equal(
    caseReplyAddress({ kind: 'domain', domain: 'reply.creditor.example' }, 'ACME/2025 #7'),
    'case-acme-2025-7@reply.creditor.example',
  );
});
