// A real SMTP server on 127.0.0.1 that keeps what it receives; it can be stopped (connections
// cut) and started again on the same port, as a relay that goes down would.
import type { AddressInfo, Socket } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export type SmtpSink = {
  readonly port: number;
  readonly received: ParsedMail[];
  readonly envelopes: string[][];
  /** Stops accepting after `n` more messages: the next message's connection is cut mid-DATA. */
  failAfter(n: number): void;
  stop(): Promise<void>;
  start(): Promise<void>;
};

export async function smtpSink(): Promise<SmtpSink> {
  const received: ParsedMail[] = [];
  const envelopes: string[][] = [];
  let port = 0;
  let budget = Infinity;
  let server: SMTPServer | null = null;
  const sockets = new Set<Socket>();
  const make = (): SMTPServer =>
    new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData(stream, session, cb) {
        const chunks: Buffer[] = [];
        if (budget <= 0) {
          // Cut the connection mid-DATA, as a crashing relay does.
          stream.once('data', () => {
            for (const s of sockets) s.destroy();
          });
          stream.on('error', () => undefined);
          return;
        }
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          budget -= 1;
          envelopes.push(session.envelope.rcptTo.map((r) => r.address));
          void simpleParser(Buffer.concat(chunks)).then((mail) => {
            received.push(mail);
            cb();
          });
        });
      },
    });
  const start = async (): Promise<void> => {
    server = make();
    server.server.on('connection', (s: Socket) => {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
    });
    await new Promise<void>((resolve) => (server as SMTPServer).listen(port, '127.0.0.1', resolve));
    port = (server.server.address() as AddressInfo).port;
  };
  await start();
  return {
    get port() {
      return port;
    },
    received,
    envelopes,
    failAfter(n) {
      budget = n;
    },
    async stop() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => (server as SMTPServer).close(() => resolve()));
      budget = Infinity;
    },
    start,
  };
}
