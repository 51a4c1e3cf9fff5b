// run, preview, explain and policy end to end on the embedded store.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { cli, tempDataDir } from './support/cli.ts';

const tuesday = '2026-03-17T09:00:00Z';

test('demo, then run: touches go to the review queue; a second run does nothing; preview and explain say what and why', async () => {
  const dataDir = tempDataDir();
  await cli(['demo', '--accounts', '60'], { dataDir, now: tuesday });
  const first = await cli(['run', '--json'], { dataDir, now: tuesday });
  const report = JSON.parse(first.out) as { cases: number; touches: number };
  assert.ok(report.cases > 0 && report.touches > 0, first.out);
  const second = JSON.parse((await cli(['run', '--json'], { dataDir, now: tuesday })).out) as { cases: number; touches: number };
  assert.deepEqual([second.cases, second.touches], [0, 0]);

  const preview = JSON.parse((await cli(['preview', '--days', '14', '--json'], { dataDir, now: tuesday })).out) as { on: string; stepId: string; invoices: { number: string }[] }[];
  assert.ok(preview.length > 0);
  for (const t of preview) {
    assert.ok(t.on >= '2026-03-17' && t.on <= '2026-03-30');
    assert.ok(!['2026-03-21', '2026-03-22', '2026-03-28', '2026-03-29'].includes(t.on), `nothing on a weekend (${t.on})`);
  }
  const keys = preview.flatMap((t) => t.invoices.map((i) => `${i.number}`));
  const text = await cli(['preview', '--days', '14'], { dataDir, now: tuesday });
  assert.match(text.out, /Reminders that would go out from 2026-03-17 for 14 days/);

  const invoice = keys[0] as string;
  const explained = await cli(['explain', invoice], { dataDir, now: tuesday });
  assert.equal(explained.code, 0, explained.err);
  assert.match(explained.out, /What earlier runs decided:/);
  assert.match(explained.out, /Steps still ahead/);
  const json = JSON.parse((await cli(['explain', 'C00001', '--json'], { dataDir, now: tuesday })).out) as { cases: { history: { reason: string; why: string }[] }[] };
  for (const line of json.cases.flatMap((c) => c.history)) assert.ok(line.why.length > 10, `a reason in words for ${line.reason}`);
  const missing = await cli(['explain', 'NOPE-1'], { dataDir, now: tuesday });
  assert.equal(missing.code, 2);
  assert.match(missing.err, /Nothing to explain for "NOPE-1"/);
});

test('policy show --plain prints text that compiles back; a plain-language policy file drives the run', async () => {
  const dir = tempDataDir();
  const plain = await cli(['policy', 'show', 'b2b-net30', '--plain'], { dataDir: dir });
  assert.match(plain.out, /^3 days before due: soft email\.$/m);
  const file = join(dir, 'policy.txt');
  writeFileSync(file, plain.out);
  const check = await cli(['policy', 'check', file], { dataDir: dir });
  assert.equal(check.code, 0, check.err);
  assert.match(check.out, /valid, 6 steps \(d-3, d0, d\+7, d\+14, d\+30, d\+45\)/);
  const bad = join(dir, 'bad.txt');
  writeFileSync(bad, '3 days before due: friendly emial.\n');
  const refused = await cli(['policy', 'check', bad], { dataDir: dir });
  assert.equal(refused.code, 2);
  assert.match(refused.err, /did you mean "3 days before due: friendly email"/);
  const custom = join(dir, 'custom.txt');
  writeFileSync(custom, 'On the due date: friendly email automatically.\n');
  const dataDir = join(dir, 'data');
  await cli(['demo', '--accounts', '20'], { dataDir, now: tuesday });
  const run = JSON.parse((await cli(['run', '--json'], { dataDir, now: tuesday, env: { DUNWISE_POLICY: custom } })).out) as { touches: number };
  const steps = await cli(['preview', '--days', '60', '--json'], { dataDir, now: tuesday, env: { DUNWISE_POLICY: custom } });
  const planned = JSON.parse(steps.out) as { stepId: string; approval: string }[];
  assert.ok(run.touches > 0);
  assert.ok(planned.every((t) => t.stepId === 'd0' && t.approval === 'auto'), 'only the custom policy’s one step');
  const wrong = await cli(['run'], { dataDir, now: tuesday, env: { DUNWISE_POLICY: 'no-such-policy' } });
  assert.equal(wrong.code, 2);
  assert.match(wrong.err, /neither a preset/);
});
