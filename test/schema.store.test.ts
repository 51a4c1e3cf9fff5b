// Versioned migrations: they run on open, and an older binary refuses a newer schema.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { DunwiseError } from '../src/core/errors.ts';
import { knownSchemas, latestSchema } from '../src/store/migrate.ts';
import { openStore } from '../src/store/open-store.ts';
import { freshLocation } from './stores.ts';

test('opening migrates to the latest schema, and reopening is a no-op', async () => {
  const { location, dispose } = await freshLocation();
  try {
    for (let i = 0; i < 2; i++) {
      const store = await openStore(location);
      const rows = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(store.db);
      assert.deepEqual(rows.rows.map((r) => r.name), [...knownSchemas]);
      assert.deepEqual(knownSchemas.slice(0, 2), ['0001-ledger', '0002-cadence']);
      assert.equal(latestSchema, knownSchemas[knownSchemas.length - 1]);
      await store.close();
    }
  } finally {
    await dispose();
  }
});

test('a store written by a newer Dunwise is refused with a clear message', async () => {
  const { location, dispose } = await freshLocation();
  try {
    const store = await openStore(location);
    await sql`insert into kysely_migration (name, timestamp) values ('9999-from-the-future', '2030-01-01T00:00:00.000Z')`.execute(store.db);
    await store.close();
    await assert.rejects(openStore(location), (error: unknown) => {
      assert.ok(error instanceof DunwiseError);
      assert.equal(error.code, 'schema_too_new');
      assert.ok(error.message.includes(`has schema 9999-from-the-future, newer than this Dunwise knows (${latestSchema}). Upgrade Dunwise`), error.message);
      return true;
    });
  } finally {
    await dispose();
  }
});
