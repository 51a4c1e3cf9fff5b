// Importing a large invoice CSV, on each store, against that store's raw bulk insert of the
// same rows measured in the same run.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { openStore } from '../src/store/open-store.ts';
import { postgresFloor, sqliteFloor } from './floor.ts';
import { writeBenchCsv } from './generate.ts';
import { freshDatabase } from './postgres.ts';

export type ImportResult = { store: string; rows: number; floorSeconds: number; importSeconds: number; peakRssMb: number };

/** Runs the import child (the real CLI path) and returns its own measurements. */
function runImport(file: string, env: Record<string, string>): { seconds: number; maxRssMb: number } {
  // The same heap flags bin/dunwise gives an import.
  const child = spawnSync('scripts/node', ['--max-old-space-size=256', '--max-semi-space-size=16', 'bench/import-child.ts', file], { env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 1 << 26 });
  if (child.status !== 0) throw new Error(`import failed: ${child.stderr}`);
  const last = child.stdout.trim().split('\n').pop() as string;
  const result = JSON.parse(last) as { code: number; seconds: number; maxRssMb: number };
  if (result.code !== 0) throw new Error(`import exited ${result.code}: ${child.stderr}`);
  return result;
}

export async function importBench(dir: string, rows: number, accounts: number, postgresUrl: string | null): Promise<ImportResult[]> {
  mkdirSync(dir, { recursive: true });
  const csv = join(dir, `invoices-${rows}.csv`);
  if (!existsSync(csv)) {
    process.stderr.write(`generating ${csv} ...\n`);
    await writeBenchCsv(csv, rows, accounts);
  }
  const results: ImportResult[] = [];

  const floorDir = join(dir, 'sqlite-floor');
  rmSync(floorDir, { recursive: true, force: true });
  await (await openStore({ kind: 'sqlite', dataDir: floorDir })).close();
  process.stderr.write('sqlite: floor ...\n');
  const sqliteFloorSeconds = sqliteFloor(join(floorDir, 'dunwise.sqlite'), csv, rows, accounts);
  rmSync(floorDir, { recursive: true, force: true });
  const importDir = join(dir, 'sqlite-import');
  rmSync(importDir, { recursive: true, force: true });
  process.stderr.write('sqlite: import ...\n');
  const sqliteImport = runImport(csv, { DUNWISE_DATA_DIR: importDir });
  rmSync(importDir, { recursive: true, force: true });
  results.push({ store: 'SQLite (embedded)', rows, floorSeconds: sqliteFloorSeconds, importSeconds: sqliteImport.seconds, peakRssMb: sqliteImport.maxRssMb });

  if (postgresUrl) {
    const floorUrl = await freshDatabase(postgresUrl, 'bench_floor');
    await (await openStore({ kind: 'postgres', url: floorUrl })).close();
    process.stderr.write('postgres: floor ...\n');
    const pgFloorSeconds = await postgresFloor(floorUrl, csv, rows, accounts);
    const importUrl = await freshDatabase(postgresUrl, 'bench_import');
    process.stderr.write('postgres: import ...\n');
    const pgImport = runImport(csv, { DATABASE_URL: importUrl });
    results.push({ store: 'PostgreSQL 15', rows, floorSeconds: pgFloorSeconds, importSeconds: pgImport.seconds, peakRssMb: pgImport.maxRssMb });
  }
  return results;
}
