import assert from 'node:assert/strict';
import { chmod, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileDropLetterProvider, letterFileName } from './file-drop.ts';

async function withDir(run: (dir: string) => Promise<void>): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'dunwise-drop-'));
  try {
    await run(dir);
  } finally {
    await chmod(dir, 0o700).catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
  }
}

test('writes the letter under a name derived from the key', async () => {
  await withDir(async (dir) => {
    const provider = fileDropLetterProvider(join(dir, 'outbox'));
    const result = await provider.send({
      idempotencyKey: 'touch:INV-1/d+45:letter',
      pdf: Buffer.from('%PDF-one'),
    });
    assert.equal(result.kind, 'sent');
    const name = letterFileName('touch:INV-1/d+45:letter');
    assert.match(name, /^touch-INV-1-d-45-letter\.[0-9a-f]{16}\.pdf$/);
    assert.equal(result.kind === 'sent' && result.messageId, name);
    assert.deepEqual(await readdir(join(dir, 'outbox')), [name]);
  });
});

test('the same key twice writes once and keeps the first file; another key another file', async () => {
  await withDir(async (dir) => {
    const provider = fileDropLetterProvider(dir);
    await provider.send({ idempotencyKey: 'k1', pdf: Buffer.from('%PDF-first') });
    const again = await provider.send({ idempotencyKey: 'k1', pdf: Buffer.from('%PDF-second') });
    assert.equal(again.kind, 'sent');
    assert.match(again.kind === 'sent' ? again.response : '', /already present/);
    assert.equal(await readFile(join(dir, letterFileName('k1')), 'latin1'), '%PDF-first');
    await provider.send({ idempotencyKey: 'k2', pdf: Buffer.from('%PDF-other') });
    assert.deepEqual(
      (await readdir(dir)).sort(),
      [letterFileName('k1'), letterFileName('k2')].sort(),
      'no temporary files left',
    );
  });
});

test('concurrent sends of one key leave exactly one file', async () => {
  await withDir(async (dir) => {
    const provider = fileDropLetterProvider(dir);
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        provider.send({ idempotencyKey: 'same', pdf: Buffer.from(`%PDF-${i}`) }),
      ),
    );
    assert.ok(results.every((r) => r.kind === 'sent'));
    assert.equal(
      results.filter((r) => r.kind === 'sent' && r.response.startsWith('written')).length,
      1,
    );
    assert.deepEqual(await readdir(dir), [letterFileName('same')]);
  });
});

test('a folder that is a file is a permanent failure', async () => {
  await withDir(async (dir) => {
    await writeFile(join(dir, 'not-a-dir'), 'x');
    const result = await fileDropLetterProvider(join(dir, 'not-a-dir')).send({
      idempotencyKey: 'k',
      pdf: Buffer.from('%PDF'),
    });
    assert.equal(result.kind, 'permanent', JSON.stringify(result));
  });
});
