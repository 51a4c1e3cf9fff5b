// Invariant 2 (no duplicates) when the run is killed: a run over a large ledger is killed with
// SIGKILL at random points and restarted each time; the outbox then equals that of an
// uninterrupted run (nothing twice, nothing missing). Two runs at once give the same outbox too
// (PostgreSQL: SKIP LOCKED; SQLite: one writer at a time, BEGIN IMMEDIATE). DUNWISE_CRASH_INVOICES sets the ledger size (default 100000).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { openStore, type StoreLocation } from '../src/store/open-store.ts';
import { outbox } from './support/cadence.ts';
import { seedCadenceLedger } from './support/seed-cadence.ts';
import { freshLocation, testStoreKind } from './stores.ts';

const child = fileURLToPath(new URL('./support/run-child.ts', import.meta.url));
const invoices = Number(process.env['DUNWISE_CRASH_INVOICES'] ?? '100000');
const kills = 20;
const today = '2026-03-16'; // a Monday; the test ladder has no preferred weekdays

/** Runs the child; with `killAfter`, kills it with SIGKILL that many batches in, plus a random few ms. */
function runChild(location: StoreLocation, killAfter: number | null): Promise<{ killed: boolean; out: string }> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [child, JSON.stringify(location), today, '50'], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    let armed = false;
    proc.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const batches = out.split('\n').filter((l) => l.startsWith('batch ')).length;
      if (killAfter !== null && !armed && batches >= killAfter) {
        armed = true;
        // Land anywhere: right after a commit, or in the middle of the next batch.
        setTimeout(() => proc.kill('SIGKILL'), Math.floor(Math.random() * 40));
      }
    });
    proc.on('error', reject);
    proc.on('close', (_code, signal) => resolve({ killed: signal === 'SIGKILL', out }));
  });
}

async function withSeeded<T>(size: number, fn: (location: StoreLocation) => Promise<T>): Promise<T> {
  const { location, dispose } = await freshLocation();
  try {
    const store = await openStore(location);
    await seedCadenceLedger(store, size);
    await store.close();
    return await fn(location);
  } finally {
    await dispose();
  }
}

async function outboxOf(location: StoreLocation): Promise<string[]> {
  const store = await openStore(location);
  try {
    return await outbox(store);
  } finally {
    await store.close();
  }
}

test(`a run over ${invoices} invoices killed ${kills} times and restarted gives the outbox of an uninterrupted run`, async () => {
  const reference = await withSeeded(invoices, async (location) => {
    const result = await runChild(location, null);
    assert.match(result.out, /done \d+ \d+/);
    return outboxOf(location);
  });
  assert.ok(reference.length > invoices / 20, `the reference run planned ${reference.length} touches`);
  await withSeeded(invoices, async (location) => {
    let killed = 0;
    for (let attempt = 0; killed < kills && attempt < kills * 3; attempt++) {
      const result = await runChild(location, 1 + Math.floor(Math.random() * 3));
      if (result.killed) killed += 1;
      else break; // the run finished before the kill landed: nothing left to interrupt
    }
    assert.equal(killed, kills, `killed ${killed} times`);
    const finish = await runChild(location, null);
    assert.match(finish.out, /done/);
    const after = await outboxOf(location);
    assert.equal(after.length, reference.length, 'nothing missing, nothing twice');
    assert.deepEqual(after, reference);
  });
});

test(`two runs at the same time plan every touch exactly once (${testStoreKind})`, async () => {
  const reference = await withSeeded(20000, async (location) => {
    await runChild(location, null);
    return outboxOf(location);
  });
  await withSeeded(20000, async (location) => {
    const [a, b] = await Promise.all([runChild(location, null), runChild(location, null)]);
    assert.match(a.out + b.out, /done/);
    const both = await outboxOf(location);
    assert.deepEqual(both, reference);
  });
});
