import { readFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import type { Command } from 'commander';
import { loadConfig } from '../../config.ts';
import type { ReadMessage } from '../../engine/inbound-ports.ts';
import { readInboundMessage } from '../../inbound/read-message.ts';
import { clockFor, type CommandContext } from '../context.ts';
import { renderTable, toJson } from '../table.ts';

/** The stable JSON shape of `inbox classify --json`, one per file. */
export type ClassifiedFile = {
  file: string;
  kind: 'human' | 'auto_reply' | 'bounce';
  bounce: { hard: boolean } | null;
  intent: string;
  confidence: number;
  facts: { promiseDate?: string; amount?: string; returnDate?: string; newContactEmail?: string };
};

/**
 * The three kinds other tools know. A complaint (an ARF spam report) is written by the
 * recipient's provider, not by a person, and is not a delivery failure: it is reported as
 * `auto_reply` (the engine itself still treats it as a complaint and opts the address out).
 * Bounces and complaints carry no intent: `other` with confidence 1.
 */
export function toClassifiedFile(file: string, read: ReadMessage): ClassifiedFile {
  const kind = read.kind === 'complaint' ? 'auto_reply' : read.kind;
  const facts: ClassifiedFile['facts'] = {};
  const f = read.intent?.facts ?? {};
  if (f.promiseDate) facts.promiseDate = f.promiseDate;
  if (f.amount) facts.amount = f.amount;
  if (f.returnDate) facts.returnDate = f.returnDate;
  if (f.newContactEmail) facts.newContactEmail = f.newContactEmail;
  return { file, kind, bounce: read.kind === 'bounce' ? { hard: read.bounce?.hard ?? false } : null, intent: read.intent?.intent ?? 'other', confidence: read.intent?.confidence ?? 1, facts };
}

/** `dunwise inbox classify <files...>`: what each message is and wants; reads no store, writes nothing. */
export function register(inbox: Command, ctx: CommandContext): void {
  inbox
    .command('classify <files...>')
    .description('classify raw messages (.eml): human reply, auto-reply or bounce, the intent and its facts (dates resolved against each Date header); writes nothing')
    .option('--json', 'print JSON')
    .action(async (files: string[], o: { json?: boolean }, cmd: Command) => {
      const config = loadConfig(ctx.io.env);
      const today = clockFor(ctx.io, cmd.optsWithGlobals<{ asOf?: string }>().asOf).today(config.timeZone);
      const started = performance.now();
      const results: ClassifiedFile[] = [];
      for (const file of files) results.push(toClassifiedFile(file, await readInboundMessage(await readFile(file), today)));
      const ms = performance.now() - started;
      if (o.json) {
        ctx.io.out(toJson(results));
        return;
      }
      const rows = results.map((r) => [r.file, r.kind + (r.bounce ? (r.bounce.hard ? ' (hard)' : ' (soft)') : ''), r.intent, r.confidence.toFixed(2), Object.entries(r.facts).map(([k, v]) => `${k}=${v}`).join(' ')]);
      ctx.io.out(renderTable(['File', 'Kind', 'Intent', 'Conf', 'Facts'], rows, new Set([3])));
      ctx.io.out(`\n${results.length} message${results.length === 1 ? '' : 's'} classified in ${ms.toFixed(0)} ms (${(results.length / Math.max(ms / 1000, 1e-9)).toFixed(0)}/s).`);
    });
}
