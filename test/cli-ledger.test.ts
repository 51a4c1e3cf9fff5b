// The ledger commands end to end on the embedded store: demo, ledger, accounts show, errors.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cli, tempDataDir } from './support/cli.ts';

test('demo builds a ledger in several currencies; ledger --json gives the same aging; rerun changes nothing', async () => {
  const dataDir = tempDataDir();
  const demo = await cli(['demo', '--accounts', '40'], { dataDir });
  assert.equal(demo.code, 0, demo.err);
  assert.match(demo.out, /40 customers, \d+ invoices and credit notes \(\d+ new, 0 unchanged, 0 updated\)/);
  assert.match(demo.out, /Receivables aging as of 2026-03-15/);
  const json = await cli(['ledger', '--json'], { dataDir });
  const parsed = JSON.parse(json.out) as { asOf: string; currencies: { currency: string; total: string; count: number; buckets: Record<string, { open: string }> }[] };
  assert.equal(parsed.asOf, '2026-03-15');
  assert.ok(parsed.currencies.length >= 3, 'several currencies');
  for (const c of parsed.currencies) {
    assert.match(c.total, /^\d+(\.\d+)?$/);
    assert.ok(c.count > 0);
    assert.deepEqual(Object.keys(c.buckets), ['current', '1-30', '31-60', '61-90', '90+']);
    assert.ok(demo.out.includes(c.currency));
  }
  const rerun = await cli(['demo', '--accounts', '40'], { dataDir });
  assert.match(rerun.out, /\(0 new, \d+ unchanged, 0 updated\)/);
  const again = await cli(['ledger', '--json'], { dataDir });
  assert.equal(again.out, json.out);
});

test('accounts show prints one customer; unknown ids and bad dates are clear errors, not stack traces', async () => {
  const dataDir = tempDataDir();
  await cli(['demo', '--accounts', '5'], { dataDir });
  const shown = await cli(['accounts', 'show', 'C00001'], { dataDir });
  assert.equal(shown.code, 0, shown.err);
  assert.match(shown.out, /\(ref C00001, id 1\)/);
  assert.match(shown.out, /Open items \(\d+ of \d+\)/);
  const asJson = JSON.parse((await cli(['accounts', 'show', 'C00001', '--json'], { dataDir })).out) as { ref: string; invoices: unknown[] };
  assert.equal(asJson.ref, 'C00001');
  assert.ok(asJson.invoices.length > 0);
  const missing = await cli(['accounts', 'show', 'NOPE'], { dataDir });
  assert.equal(missing.code, 2);
  assert.match(missing.err, /No account "NOPE"/);
  const badDate = await cli(['--as-of', '2026-02-30', 'ledger'], { dataDir });
  assert.equal(badDate.code, 2);
  assert.match(badDate.err, /--as-of must be a date like 2026-03-31, not "2026-02-30"/);
  assert.doesNotMatch(missing.err + badDate.err, /\n\s+at /);
});

test('the empty ledger says how to start; --help lists the commands', async () => {
  const dataDir = tempDataDir();
  const empty = await cli(['ledger'], { dataDir });
  assert.equal(empty.code, 0);
  assert.match(empty.out, /the ledger is empty/);
  const help = await cli(['--help'], { dataDir });
  assert.equal(help.code, 0);
  for (const command of ['ledger', 'accounts', 'demo']) assert.match(help.out, new RegExp(`\\b${command}\\b`));
  const unknown = await cli(['frobnicate'], { dataDir });
  assert.equal(unknown.code, 2);
  assert.match(unknown.err, /unknown command 'frobnicate'/);
});

test('a bad configuration is reported plainly', async () => {
  const result = await cli(['ledger'], { dataDir: tempDataDir(), env: { DUNWISE_TIME_ZONE: 'Mars/Olympus' } });
  assert.equal(result.code, 2);
  assert.match(result.err, /DUNWISE_TIME_ZONE must be an IANA time zone/);
});
