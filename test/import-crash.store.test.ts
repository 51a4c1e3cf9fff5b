// Invariant 3 (nothing lost, nothing half-imported) when the importing process is killed:
// an import killed with SIGKILL leaves nothing of its file, earlier imports stay intact, and
// a rerun imports everything exactly once.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { openStore, type StoreLocation } from '../src/store/open-store.ts';
import { freshLocation } from './stores.ts';

const child = fileURLToPath(new URL('./support/import-child.ts', import.meta.url));

/** Runs the child import; kills it with SIGKILL once it printed "progress <killAt>". */
function runChild(location: StoreLocation, file: string, count: number, killAt: number | null): Promise<string> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [child, JSON.stringify(location), file, String(count)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    proc.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (killAt !== null && out.includes(`progress ${killAt}\n`)) proc.kill('SIGKILL');
    });
    proc.on('error', reject);
    proc.on('close', (code, signal) => resolve(`${out}exit ${code ?? signal}`));
  });
}

async function invoiceNumbers(location: StoreLocation): Promise<{ total: number; byFile: Map<string, number> }> {
  const store = await openStore(location);
  try {
    const rows = await store.db.selectFrom('invoices').select(['number']).execute();
    const byFile = new Map<string, number>();
    for (const r of rows) {
      const file = r.number.slice(0, r.number.lastIndexOf('-'));
      byFile.set(file, (byFile.get(file) ?? 0) + 1);
    }
    return { total: rows.length, byFile };
  } finally {
    await store.close();
  }
}

test('an import killed mid-file leaves nothing of it; the rerun imports every row exactly once', async () => {
  const { location, dispose } = await freshLocation();
  try {
    const first = await runChild(location, 'first', 3000, null);
    assert.match(first, /done imported 3000/);
    for (const killAt of [2000, 7000, 13000]) {
      const killed = await runChild(location, 'second', 15000, killAt);
      assert.match(killed, /exit SIGKILL/, 'the child was killed before it finished');
      const after = await invoiceNumbers(location);
      assert.equal(after.byFile.get('first'), 3000, 'the committed file is intact');
      assert.equal(after.byFile.get('second') ?? 0, 0, 'nothing of the killed import is there');
    }
    const rerun = await runChild(location, 'second', 15000, null);
    assert.match(rerun, /done imported 15000/);
    const again = await runChild(location, 'second', 15000, null);
    assert.match(again, /done imported 0/, 'a second rerun inserts nothing');
    const final = await invoiceNumbers(location);
    assert.equal(final.total, 18000);
  } finally {
    await dispose();
  }
});
