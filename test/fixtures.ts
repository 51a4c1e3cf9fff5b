// Where the shared, third-party fixture files live (../shared/fixtures beside the repository),
// overridable with DUNWISE_FIXTURES.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join, resolve } from 'node:path';

export const repoRoot = resolve(fileURLToPath(new URL('..', import.meta.url)));
export const fixturesDir = process.env['DUNWISE_FIXTURES'] ?? resolve(repoRoot, '../shared/fixtures');

/** Absolute path of a fixture, given its path below shared/fixtures. */
export function fixturePath(relative: string): string {
  return join(fixturesDir, relative);
}

/** The bytes of a fixture file. */
export function readFixture(relative: string): Buffer {
  return readFileSync(fixturePath(relative));
}
