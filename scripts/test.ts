// Runs the test suite with Node's own runner.
//   npm test            every test, stores on the embedded SQLite store
//   npm run test:pg     the store-backed tests (*.store.test.ts) on PostgreSQL at
//                       DUNWISE_TEST_DATABASE_URL (an admin URL: each suite creates its own database)
// Extra arguments are passed to `node --test` (for example --test-name-pattern=money).
import { spawnSync } from 'node:child_process';
import { globSync } from 'node:fs';

const args = process.argv.slice(2);
const pg = args.includes('--pg');
const passThrough = args.filter((a) => a !== '--pg');

if (pg && !process.env['DUNWISE_TEST_DATABASE_URL']) {
  console.error('test:pg needs DUNWISE_TEST_DATABASE_URL, for example postgres://postgres@127.0.0.1:5432/postgres');
  process.exit(2);
}

const patterns = pg ? ['src/**/*.store.test.ts', 'test/**/*.store.test.ts'] : ['src/**/*.test.ts', 'test/**/*.test.ts'];
const files = patterns.flatMap((p) => globSync(p)).sort();
if (files.length === 0) {
  console.error('no test files found');
  process.exit(1);
}

const env = { ...process.env, DUNWISE_TEST_STORE: pg ? 'postgres' : 'sqlite' };
const result = spawnSync(
  process.execPath,
  ['--test', '--test-concurrency=2', '--test-timeout=600000', ...passThrough, ...files],
  { stdio: 'inherit', env },
);
process.exit(result.status ?? 1);
