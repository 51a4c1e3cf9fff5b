// The built-in SMTP endpoint: receives replies for the reply domain and hands each message,
// raw, to a callback. A message is accepted (250) only after the callback has stored it, so a
// failure makes the sending server retry (451) instead of losing the reply.
import type { AddressInfo, Socket } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** Where the endpoint listens and what it accepts. */
export type SmtpEndpointOptions = {
  readonly host: string;
  /** 0 picks a free port (tests). */
  readonly port: number;
  /** Recipient domains accepted (lower case); mail for any other domain is refused with 550. */
  readonly domains: readonly string[];
  /** Largest message accepted, in bytes (announced with SIZE, refused with 552 when exceeded). */
  readonly maxBytes: number;
  readonly onMessage: (raw: Buffer, envelope: { readonly from: string | null; readonly to: readonly string[] }) => Promise<void>;
  /** Called for each message that could not be stored (it was refused with 451). */
  readonly onError?: (error: unknown) => void;
};

/** A running endpoint. */
export type SmtpEndpoint = { readonly host: string; readonly port: number; close(): Promise<void> };

function smtpError(code: number, message: string): Error {
  return Object.assign(new Error(message), { responseCode: code });
}

/** True for 127.0.0.0/8, ::1 and localhost: where running without authentication is safe. */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** Starts the endpoint. There is no AUTH and no STARTTLS: put it on loopback behind your MTA. */
export async function startSmtpEndpoint(o: SmtpEndpointOptions): Promise<SmtpEndpoint> {
  const domains = new Set(o.domains.map((d) => d.toLowerCase()));
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    size: o.maxBytes,
    banner: 'Dunwise reply endpoint',
    onRcptTo(address, _session, cb) {
      const domain = address.address.slice(address.address.lastIndexOf('@') + 1).toLowerCase();
      if (!domains.has(domain)) return cb(smtpError(550, `5.1.1 <${address.address}>: this endpoint accepts mail for ${[...domains].join(', ')} only`));
      cb();
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (stream.sizeExceeded) return cb(smtpError(552, `5.3.4 message larger than ${o.maxBytes} bytes`));
        const envelope = { from: session.envelope.mailFrom === false ? null : session.envelope.mailFrom.address, to: session.envelope.rcptTo.map((r) => r.address) };
        o.onMessage(Buffer.concat(chunks), envelope).then(
          () => cb(),
          (error: unknown) => {
            o.onError?.(error);
            cb(smtpError(451, '4.3.0 could not store the message, try again later'));
          },
        );
      });
    },
  });
  const sockets = new Set<Socket>();
  server.server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port, o.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.server.address() as AddressInfo;
  return {
    host: o.host,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Idle client connections would hold close() for its 30 s grace period.
        for (const s of sockets) s.destroy();
      }),
  };
}
