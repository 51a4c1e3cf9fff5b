import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../test/fixtures.ts';
import { evaluateReplies, formatEvaluation } from './evaluate.ts';
import { isHeldOut, parseLabels } from './labels.ts';

const labels = parseLabels(readFileSync(join(repoRoot, 'data/replies/labels.jsonl'), 'utf8'));

test('the labelled set is large, trilingual and split deterministically', () => {
  assert.ok(labels.length >= 300);
  assert.equal(new Set(labels.map((l) => l.id)).size, labels.length);
  const share = (lang: string): number => labels.filter((l) => l.lang === lang).length / labels.length;
  assert.ok(share('en') > 0.35 && share('de') > 0.25 && share('fr') > 0.25);
  const held = labels.filter((l) => isHeldOut(l.id));
  assert.ok(held.length >= 90 && held.length <= 100);
  assert.ok(isHeldOut('r017') && !isHeldOut('r016'));
});

test('held-out macro-F1 is at least 0.90', () => {
  const evaluation = evaluateReplies(labels.filter((l) => isHeldOut(l.id)));
  const report = formatEvaluation(evaluation);
  console.log(`held-out (${labels.filter((l) => isHeldOut(l.id)).length} replies)\n${report}`);
  assert.match(report.split('\n').at(-1) ?? '', /^macro-F1: \d\.\d\d$/);
  assert.ok(evaluation.macroF1 >= 0.9, report);
});

test('held-out promise dates are extracted', async () => {
  const { classifyIntent } = await import('./intent/classify-intent.ts');
  const withDate = labels.filter((l) => isHeldOut(l.id) && l.promiseDate !== undefined);
  const right = withDate.filter(
    (l) => classifyIntent({ subject: l.subject, body: l.body, lang: l.lang, receivedAt: l.receivedAt }).facts.promiseDate === l.promiseDate,
  );
  console.log(`held-out promise dates: ${right.length}/${withDate.length}`);
  assert.ok(right.length / withDate.length >= 0.85);
});

test('formatEvaluation ends with the macro-F1 line', () => {
  const text = formatEvaluation(evaluateReplies(labels.slice(0, 20)));
  assert.match(text.split('\n').at(-1) ?? '', /^macro-F1: \d\.\d\d$/);
});
