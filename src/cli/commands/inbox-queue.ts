import type { Command } from 'commander';
import { invalid } from '../../core/errors.ts';
import { parseLocalDate } from '../../core/local-date.ts';
import { replyIntents, type InboundStatus, type ReplyIntent, type StoredInbound } from '../../engine/inbound-ports.ts';
import { reclassifyMessage } from '../../engine/inbound-reclassify.ts';
import type { CommandContext } from '../context.ts';
import { renderTable, toJson } from '../table.ts';

const statuses: readonly InboundStatus[] = ['received', 'acted', 'needs_review', 'unmatched', 'ignored'];

function showText(m: StoredInbound): string {
  const facts = Object.entries(m.facts).map(([k, v]) => `${k}=${String(v)}`).join(', ');
  return [
    `Message #${m.id} ${m.messageId}`,
    `Received:  ${m.receivedAt} (${m.source})`,
    `From:      ${m.from ?? '-'}`,
    `Subject:   ${m.subject ?? '-'}`,
    `Kind:      ${m.kind ?? 'not read yet'}${m.bounce ? ` (${m.bounce.hard ? 'hard' : 'soft'}: ${m.bounce.reason}${m.bounce.recipient ? `, ${m.bounce.recipient}` : ''})` : ''}`,
    `Intent:    ${m.intent ?? '-'}${m.confidence === null ? '' : ` (confidence ${m.confidence.toFixed(2)})`}${m.language ? `, language ${m.language}` : ''}`,
    `Facts:     ${facts || '-'}`,
    `Case:      ${m.caseId === null ? 'none' : `${m.caseId} (${m.accountRef ?? '?'})`}, threaded by ${m.threadedBy ?? '-'}`,
    `Status:    ${m.status}`,
    `Action:    ${m.action ?? '-'}`,
    '',
    'Evidence:',
    ...(m.evidence.length === 0 ? ['  -'] : m.evidence.map((e) => `  ${e}`)),
    '',
    'Text (quotes and signature removed):',
    ...(m.text ?? '').split('\n').map((l) => `  ${l}`),
  ].join('\n');
}

/** `dunwise inbox list|show|reclassify`: the received messages, the review and unmatched queues. */
export function register(inbox: Command, ctx: CommandContext): void {
  inbox
    .command('list')
    .description('received messages, newest first (status: acted, needs_review, unmatched, ignored)')
    .option('--status <status>', statuses.join(' | '))
    .option('--limit <n>', 'how many', '50')
    .option('--json', 'print JSON')
    .action(async (o: { status?: string; limit: string; json?: boolean }, cmd: Command) => {
      if (o.status !== undefined && !statuses.includes(o.status as InboundStatus)) invalid(`--status must be one of ${statuses.join(', ')}`);
      const limit = Number(o.limit);
      if (!Number.isInteger(limit) || limit < 1) invalid('--limit must be a positive whole number');
      await ctx.withApp(cmd, async (app) => {
        const list = await app.inbound.list({ status: (o.status as InboundStatus | undefined) ?? null, limit });
        if (o.json) return ctx.io.out(toJson(list));
        if (list.length === 0) return ctx.io.out('No messages.');
        const rows = list.map((m) => [String(m.id), m.receivedOn, m.status, m.kind ?? '-', m.intent ? `${m.intent} ${m.confidence?.toFixed(2) ?? ''}` : '-', m.accountRef ?? '-', (m.from ?? '-').slice(0, 32), (m.action ?? '').slice(0, 70)]);
        ctx.io.out(renderTable(['#', 'Received', 'Status', 'Kind', 'Intent', 'Account', 'From', 'Action'], rows, new Set([0])));
      });
    });
  inbox
    .command('show <id>')
    .description('one message: what it was read as, the evidence, its case and what was done')
    .option('--json', 'print JSON')
    .action(async (id: string, o: { json?: boolean }, cmd: Command) => {
      if (!/^\d+$/.test(id)) invalid(`message id must be a number, not "${id}"`);
      await ctx.withApp(cmd, async (app) => {
        const m = await app.inbound.message(Number(id));
        if (!m) invalid(`No inbound message #${id}.`);
        ctx.io.out(o.json ? toJson(m) : showText(m));
      });
    });
  inbox
    .command('reclassify <id>')
    .description('set the intent of a message by hand and apply its action (snooze, dispute, task, ...)')
    .requiredOption('--intent <intent>', replyIntents.join(' | '))
    .option('--date <date>', 'the promised date (promise, plan_request), return date (out_of_office) or payment date (paid)')
    .option('--case <id>', 'thread an unmatched message to this case')
    .action(async (id: string, o: { intent: string; date?: string; case?: string }, cmd: Command) => {
      if (!/^\d+$/.test(id)) invalid(`message id must be a number, not "${id}"`);
      if (!(replyIntents as readonly string[]).includes(o.intent)) invalid(`--intent must be one of ${replyIntents.join(', ')}`);
      const date = o.date === undefined ? null : parseLocalDate(o.date);
      if (o.date !== undefined && date === null) invalid(`--date must be a date like 2026-04-30, not "${o.date}"`);
      if (o.case !== undefined && !/^\d+$/.test(o.case)) invalid(`--case must be a case number, not "${o.case}"`);
      await ctx.withApp(cmd, async (app) => {
        const r = await reclassifyMessage(app.inbound, { id: Number(id), intent: o.intent as ReplyIntent, date, caseId: o.case === undefined ? null : Number(o.case), actor: 'cli' });
        ctx.io.out(`#${id} ${r.status} (case ${r.caseId}): ${r.action}`);
      });
    });
}
