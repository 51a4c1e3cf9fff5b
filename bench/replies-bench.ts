// Reading replies: every shared email fixture classified (automatic mail, bounces, then intent
// for human mail) against the floor of only parsing the same messages with mailparser.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { classifyMail } from '../src/inbound/classify-mail.ts';
import { classifyIntent } from '../src/inbound/intent/classify-intent.ts';
import type { LocalDate } from '../src/core/local-date.ts';
import { fixturesDir } from '../test/fixtures.ts';

export async function repliesBench(rounds = 20): Promise<string[]> {
  const dir = join(fixturesDir, 'email');
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.eml')).map((f) => readFileSync(join(dir, f)));
  const count = files.length * rounds;
  // One untimed round of each first, so neither side pays for JIT warm-up.
  for (const raw of files) {
    await simpleParser(raw);
    await classifyMail(raw);
  }
  let started = performance.now();
  for (let r = 0; r < rounds; r++) for (const raw of files) await simpleParser(raw);
  const floor = (performance.now() - started) / 1000;
  started = performance.now();
  let human = 0;
  for (let r = 0; r < rounds; r++) {
    for (const raw of files) {
      const mail = await classifyMail(raw);
      if (mail.kind === 'human') {
        human += 1;
        classifyIntent({ subject: mail.subject ?? '', body: mail.text ?? '', receivedAt: (mail.date ?? '2026-03-10').slice(0, 10) as LocalDate });
      }
    }
  }
  const full = (performance.now() - started) / 1000;
  return [
    '## Reading replies',
    '',
    `Every .eml file in ../shared/fixtures/email (${files.length} bounces, auto-replies and replies) ${rounds} times: MIME parsing,`,
    'auto-reply and bounce detection, trimming, and intent with facts for human mail, against parsing the same',
    'messages with mailparser alone.',
    '',
    '| messages | human | floor (parse only) | classify | messages/s | ratio |',
    '|---:|---:|---:|---:|---:|---:|',
    `| ${count.toLocaleString('en')} | ${human.toLocaleString('en')} | ${floor.toFixed(2)} s | ${full.toFixed(2)} s | ${Math.round(count / full).toLocaleString('en')} | ${(full / floor).toFixed(2)}× |`,
    '',
  ];
}
