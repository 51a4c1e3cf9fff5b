// interest calc (the exact form other tools use), interest <invoice>, template preview.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cli, tempDataDir } from './support/cli.ts';

test('interest calc --json prints {interest, fixedCompensation, ratePercent, days} as decimal strings', async () => {
  const dataDir = tempDataDir();
  // The §288 BGB business example of ../shared/fixtures/reference/de_bgb288_BgbInterestTest.php:
  // EUR 10,000, 181 days of 2023's first half at base rate 1.62 + 9 = 10.62 % -> 526.64, plus EUR 40.
  const de = await cli(['interest', 'calc', '--law', 'de', '--principal', '10000.00', '--currency', 'EUR', '--due', '2022-12-31', '--until', '2023-06-30', '--json'], { dataDir });
  assert.equal(de.code, 0, de.err);
  assert.deepEqual(JSON.parse(de.out), { interest: '526.64', fixedCompensation: '40.00', ratePercent: '10.62', days: '181' });
  const fr = await cli(['interest', 'calc', '--law', 'fr', '--principal', '1000.00', '--currency', 'EUR', '--due', '2024-07-01', '--until', '2024-07-31', '--json'], { dataDir });
  assert.deepEqual(JSON.parse(fr.out), { interest: '11.71', fixedCompensation: '40.00', ratePercent: '14.25', days: '30' });
  const text = await cli(['interest', 'calc', '--law', 'de', '--principal', '10000.00', '--currency', 'EUR', '--due', '2022-12-31', '--until', '2023-06-30'], { dataDir });
  assert.match(text.out, /181 days at 10\.62 % \(reference 1\.62 %\) = EUR 526\.64/);
  const unknown = await cli(['interest', 'calc', '--law', 'uk', '--principal', '1000', '--currency', 'GBP', '--due', '2026-01-01', '--until', '2026-03-01'], { dataDir });
  assert.equal(unknown.code, 2);
  assert.match(unknown.err, /not known to this Dunwise .* add it with --rates/);
  const bad = await cli(['interest', 'calc', '--law', 'de', '--principal', '10,000', '--currency', 'EUR', '--due', '2023-02-30', '--until', '2023-06-30'], { dataDir });
  assert.equal(bad.code, 2);
  assert.match(bad.err, /--principal: "10,000" is not a number/);
});

test('template preview renders a step for a customer, in the contact\u2019s language', async () => {
  const dataDir = tempDataDir();
  await cli(['demo', '--accounts', '10'], { dataDir, now: '2026-03-17T09:00:00Z' });
  const email = await cli(['template', 'preview', 'd+30', '--account', 'C00001'], { dataDir, now: '2026-03-17T09:00:00Z' });
  assert.equal(email.code, 0, email.err);
  assert.match(email.out, /^Subject: .+\n\n--- text ---\n/);
  assert.match(email.out, /--- html ---\n<div/);
  const german = await cli(['template', 'preview', 'd+7', '--account', 'C00001', '--language', 'de'], { dataDir, now: '2026-03-17T09:00:00Z' });
  assert.match(german.out, /Rechnung/);
  const wrongStep = await cli(['template', 'preview', 'd+99', '--account', 'C00001'], { dataDir, now: '2026-03-17T09:00:00Z' });
  assert.equal(wrongStep.code, 2);
  assert.match(wrongStep.err, /has no step "d\+99"; its steps are d-3, d0, d\+7, d\+14, d\+30, d\+45/);
});
