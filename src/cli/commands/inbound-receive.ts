import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import type { App } from '../../compose.ts';
import { receiveMessage, type ReceiveOutcome } from '../../engine/inbound-receive.ts';
import { REVIEW_THRESHOLD } from '../../inbound/intent/types.ts';
import { messageReader } from '../../inbound/read-message.ts';
import { isLoopback, startSmtpEndpoint } from '../../inbound/smtp-endpoint.ts';
import type { CommandContext } from '../context.ts';
import { toJson } from '../table.ts';
import { inboundSettings } from './inbound-settings.ts';

/** One line about a received message, for people. */
export function outcomeLine(o: ReceiveOutcome): string {
  if (o.kind === 'duplicate') return `#${o.id} already received (${o.messageId}): not processed again`;
  const where = o.caseId === null ? 'no case' : `case ${o.caseId} via ${o.threadedBy.replaceAll('_', ' ')}`;
  const what = o.read.kind === 'human' || o.read.kind === 'auto_reply' ? `${o.read.kind.replaceAll('_', '-')} ${o.read.intent?.intent ?? ''} ${o.read.intent?.confidence.toFixed(2) ?? ''}`.trim() : o.read.kind;
  return `#${o.id} ${o.status} (${what}; ${where}): ${o.action}`;
}

function receive(app: App, raw: Buffer, source: string, envelopeTo: readonly string[]): Promise<ReceiveOutcome> {
  return receiveMessage(app.inbound, { reader: messageReader, reviewThreshold: REVIEW_THRESHOLD }, {
    raw, receivedAt: app.clock.now().toISOString(), receivedOn: app.clock.today(app.config.timeZone), source, envelopeTo,
  });
}

/** `dunwise inbound <file.eml...>` and `dunwise inbound serve`: receive replies into the engine. */
export function register(program: Command, ctx: CommandContext): void {
  const inbound = program
    .command('inbound')
    .description('receive replies: raw .eml files, or `inbound serve` for the SMTP endpoint (IMAP and webhooks: not yet)')
    .argument('[files...]', 'raw RFC 5322 messages (.eml)')
    .option('--json', 'print JSON')
    .action(async (files: string[], o: { json?: boolean }, cmd: Command) => {
      if (files.length === 0) {
        cmd.help();
        return;
      }
      await ctx.withApp(cmd, async (app) => {
        const results: (ReceiveOutcome & { file: string })[] = [];
        for (const file of files) {
          const outcome = await receive(app, await readFile(file), 'file', []);
          results.push({ file, ...outcome });
          if (!o.json) ctx.io.out(`${file}: ${outcomeLine(outcome)}`);
        }
        if (o.json) ctx.io.out(toJson(results.map(({ file, ...r }) => ({ file, id: r.id, kind: r.kind, status: r.status, messageId: r.messageId, ...(r.kind === 'processed' ? { caseId: r.caseId, threadedBy: r.threadedBy, action: r.action, mailKind: r.read.kind, intent: r.read.intent?.intent ?? null, confidence: r.read.intent?.confidence ?? null } : {}) }))));
      });
    });
  inbound
    .command('serve')
    .description('run the SMTP endpoint for replies (default 127.0.0.1:2525, no AUTH, no TLS: put it behind your MTA)')
    .option('--host <host>', 'address to listen on (env DUNWISE_INBOUND_HOST)')
    .option('--port <port>', 'port (env DUNWISE_INBOUND_PORT)')
    .option('--domain <domains>', 'accepted recipient domains, comma-separated (env DUNWISE_REPLY_DOMAIN)')
    .option('--max-bytes <n>', 'largest message accepted (env DUNWISE_INBOUND_MAX_BYTES, default 10485760)')
    .action(async (o: { host?: string; port?: string; domain?: string; maxBytes?: string }, cmd: Command) => {
      const settings = inboundSettings(ctx.io.env, o);
      await ctx.withApp(cmd, async (app) => {
        const endpoint = await startSmtpEndpoint({
          ...settings,
          onMessage: async (raw, envelope) => ctx.io.out(outcomeLine(await receive(app, raw, 'smtp', envelope.to))),
          onError: (e) => ctx.io.err(`dunwise: could not store a message: ${e instanceof Error ? e.message : String(e)}`),
        });
        if (!isLoopback(settings.host)) ctx.io.err(`dunwise: warning: listening on ${settings.host} without authentication or TLS; prefer 127.0.0.1 behind your MTA.`);
        ctx.io.out(`Receiving replies for ${settings.domains.join(', ')} on ${endpoint.host}:${endpoint.port} (up to ${settings.maxBytes} bytes). Ctrl-C stops.`);
        await new Promise<void>((resolve) => {
          process.once('SIGINT', resolve);
          process.once('SIGTERM', resolve);
        });
        await endpoint.close();
        ctx.io.out('Stopped.');
      });
    });
}
