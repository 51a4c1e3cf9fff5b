// The inbound commands end to end: classify files (no store), eval replies, and the queue.
import assert from 'node:assert/strict';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fixturePath, repoRoot } from './fixtures.ts';
import { cli, tempDataDir } from './support/cli.ts';

const sisimai = fixturePath('email/bounces-autoreplies__sisimai');
type Classified = { file: string; kind: string; bounce: { hard: boolean } | null; intent: string; confidence: number; facts: Record<string, string> };

test('inbox classify --json: three kinds, bounce hardness, intents and facts resolved against the Date header', async () => {
  const files = readdirSync(sisimai).filter((f) => f.endsWith('.eml')).map((f) => join(sisimai, f));
  const r = await cli(['inbox', 'classify', ...files, '--json'], { dataDir: tempDataDir() });
  assert.equal(r.code, 0, r.err);
  const list = JSON.parse(r.out) as Classified[];
  assert.equal(list.length, 39);
  for (const c of list) {
    assert.deepEqual(Object.keys(c), ['file', 'kind', 'bounce', 'intent', 'confidence', 'facts'], c.file);
    assert.ok(['human', 'auto_reply', 'bounce'].includes(c.kind), c.file);
    assert.equal(c.bounce === null, c.kind !== 'bounce', c.file);
    assert.ok(c.confidence >= 0 && c.confidence <= 1);
    for (const k of Object.keys(c.facts)) assert.ok(['promiseDate', 'amount', 'returnDate', 'newContactEmail'].includes(k), k);
  }
  const by = (name: string) => list.find((c) => c.file.endsWith(name));
  assert.deepEqual(by('bsd__lhost-postfix-02.eml')?.bounce, { hard: true });
  assert.deepEqual(by('bsd__rfc3464-07.eml')?.bounce, { hard: false }, 'a delay report is soft');
  assert.equal(by('bsd__arf-01.eml')?.kind, 'auto_reply', 'a complaint is reported as auto_reply');
  assert.equal(by('not__is-not-bounce-01.eml')?.kind, 'human');
  const vacation = by('bsd__rfc3834-01.eml');
  assert.deepEqual([vacation?.kind, vacation?.intent, vacation?.facts['returnDate']], ['auto_reply', 'out_of_office', '2005-05-05'], 'the return date is read against the 2005 Date header, not today');
  const text = await cli(['inbox', 'classify', ...files.slice(0, 3)], { dataDir: tempDataDir() });
  assert.match(text.out, /3 messages classified in \d+ ms \(\d+\/s\)\./);
});

test('eval replies prints per-intent scores and ends with the macro-F1 line', async () => {
  const all = await cli(['eval', 'replies', join(repoRoot, 'data/replies/labels.jsonl')], { dataDir: tempDataDir() });
  assert.equal(all.code, 0, all.err);
  assert.match(all.out, /^intent +precision +recall +f1 +support$/m);
  assert.match(all.out.trimEnd().split('\n').at(-1) ?? '', /^macro-F1: \d\.\d\d$/);
  const held = await cli(['eval', 'replies', join(repoRoot, 'data/replies/labels.jsonl'), '--held-out'], { dataDir: tempDataDir() });
  const f1 = Number(/^macro-F1: (\d\.\d\d)$/.exec(held.out.trimEnd().split('\n').at(-1) ?? '')?.[1]);
  assert.ok(f1 >= 0.9, held.out);
  const bad = join(tempDataDir(), 'bad.jsonl');
  writeFileSync(bad, '{"id":"x"}\n');
  const refused = await cli(['eval', 'replies', bad], { dataDir: tempDataDir() });
  assert.equal(refused.code, 2);
  assert.match(refused.err, /labels line 1/);
});

test('inbound files, then inbox list, show and reclassify', async () => {
  const dataDir = tempDataDir();
  const now = '2026-03-10T09:00:00Z';
  const csv = join(dataDir, 'inv.csv');
  writeFileSync(csv, 'Invoice Number,Customer,Invoice Date,Due Date,Total,Currency,Email\nA-1,Acme,2026-01-01,2026-03-02,100.00,EUR,ap@acme.example\n');
  assert.equal((await cli(['import', 'invoices', csv], { dataDir, now })).code, 0);
  await cli(['run'], { dataDir, now });
  const reply = join(dataDir, 'reply.eml');
  writeFileSync(reply, ['From: ap@acme.example', 'To: ar+case-1@creditor.example', 'Subject: Re: Reminder A-1', 'Date: Tue, 10 Mar 2026 10:00:00 +0100', 'Message-ID: <r1@acme.example>', '', 'We will transfer the amount on 20.03.2026.'].join('\r\n'));
  const vague = join(dataDir, 'vague.eml');
  writeFileSync(vague, ['From: someone@nowhere.example', 'To: ar@creditor.example', 'Subject: Hello', 'Date: Tue, 10 Mar 2026 10:00:00 +0100', 'Message-ID: <r2@nowhere.example>', '', 'We need to talk about this.'].join('\r\n'));
  const received = await cli(['inbound', reply, vague], { dataDir, now });
  assert.equal(received.code, 0, received.err);
  assert.match(received.out, /reply\.eml: #1 acted \(human promise \d\.\d\d; case 1 via reply address\): snoozed until 2026-03-22 \(promise\)/);
  assert.match(received.out, /vague\.eml: #2 unmatched/);
  assert.match((await cli(['inbound', reply], { dataDir, now })).out, /#1 already received/);
  const list = await cli(['inbox', 'list', '--status', 'unmatched'], { dataDir, now });
  assert.match(list.out, /^2 +2026-03-10 +unmatched +human/m);
  const show = await cli(['inbox', 'show', '1'], { dataDir, now });
  assert.match(show.out, /Facts: +promiseDate=2026-03-20/);
  assert.match(show.out, /Case: +1 \(Acme\), threaded by reply_address/);
  const explained = await cli(['explain', 'A-1'], { dataDir, now });
  assert.match(explained.out, /HELD: the customer promised to pay \(reply #1 from ap@acme\.example: promised to pay on 2026-03-20/);
  const noCase = await cli(['inbox', 'reclassify', '2', '--intent', 'question'], { dataDir, now });
  assert.equal(noCase.code, 2);
  assert.match(noCase.err, /not threaded to a case: give --case/);
  const done = await cli(['inbox', 'reclassify', '2', '--intent', 'out_of_office', '--date', '2026-03-25', '--case', '1'], { dataDir, now });
  assert.match(done.out, /#2 acted \(case 1\): snoozed until 2026-03-25 \(out of office\)/);
});
