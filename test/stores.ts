// Opens a fresh, empty store for one test: a SQLite file in a temporary folder, or (under
// `npm run test:pg`) a new database on the PostgreSQL server at DUNWISE_TEST_DATABASE_URL.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openStore, type StoreHandle, type StoreLocation } from '../src/store/open-store.ts';
import type { StoreDialect } from '../src/store/dialect.ts';

/** The store kind this test process runs against. */
export const testStoreKind: StoreDialect =
  process.env['DUNWISE_TEST_STORE'] === 'postgres' ? 'postgres' : 'sqlite';

/** A fresh location, and how to remove it afterwards. */
export async function freshLocation(): Promise<{ location: StoreLocation; dispose(): Promise<void> }> {
  if (testStoreKind === 'sqlite') {
    const dataDir = mkdtempSync(join(tmpdir(), 'dunwise-test-'));
    return { location: { kind: 'sqlite', dataDir }, dispose: async () => rmSync(dataDir, { recursive: true, force: true }) };
  }
  const admin = process.env['DUNWISE_TEST_DATABASE_URL'];
  if (!admin) throw new Error('DUNWISE_TEST_DATABASE_URL is not set');
  const name = `dunwise_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(admin, `CREATE DATABASE ${name}`);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return {
    location: { kind: 'postgres', url: url.toString() },
    dispose: () => dropDatabase(admin, name),
  };
}

/** Runs `fn` with a fresh migrated store, then closes and removes it. */
export async function withStore<T>(fn: (store: StoreHandle, location: StoreLocation) => Promise<T>): Promise<T> {
  const { location, dispose } = await freshLocation();
  const store = await openStore(location);
  try {
    return await fn(store, location);
  } finally {
    await store.close();
    await dispose();
  }
}

/** Drops a test database once its connections are gone (a closed pool may still be closing). */
async function dropDatabase(admin: string, name: string): Promise<void> {
  for (let attempt = 0; attempt < 50; attempt++) {
    try {
      await adminQuery(admin, `DROP DATABASE IF EXISTS ${name}`);
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== '55006') throw error; // object in use
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  await adminQuery(admin, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}

async function adminQuery(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}
