// Opening the embedded store while another connection holds the file for a moment (a process
// committing, or a connection closing: the last one out checkpoints and removes the write-ahead
// log, as a run worker ending after its run does) waits for it instead of failing at once.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { openStore } from '../src/store/open-store.ts';

test('the store opens after a moment when another process holds the file exclusively', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'dunwise-open-'));
  try {
    const first = await openStore({ kind: 'sqlite', dataDir });
    const file = first.location;
    await first.close();
    // Another process takes the file exclusively for 600 ms.
    const holder = spawn(process.execPath, ['-e', `
      const { DatabaseSync } = require('node:sqlite');
      const db = new DatabaseSync(${JSON.stringify(file)});
      db.exec("pragma locking_mode = exclusive; begin exclusive; update accounts set name = name");
      process.stdout.write('held\\n');
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 600);
      db.exec('commit');
      db.close();
    `], { stdio: ['ignore', 'pipe', 'inherit'] });
    const ended = new Promise<number | null>((resolve) => holder.on('close', resolve));
    await new Promise<void>((resolve, reject) => {
      holder.stdout.once('data', () => resolve());
      holder.once('error', reject);
    });
    const store = await openStore({ kind: 'sqlite', dataDir });
    await store.close();
    assert.equal(await ended, 0);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
