// `npm run bench`: measures and writes docs/BENCHMARKS.md. Every figure is a ratio against a
// floor measured in the same run on the same machine, so machines can be compared.
//   --rows N       invoices to import (default 1000000)
//   --accounts N   customers they belong to (default 100000)
//   --no-postgres  skip the PostgreSQL store
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { importBench } from './import-bench.ts';
import { machineLine } from './machine.ts';
import { startPostgres } from './postgres.ts';

const { values } = parseArgs({
  options: { rows: { type: 'string', default: '1000000' }, accounts: { type: 'string', default: '100000' }, 'no-postgres': { type: 'boolean', default: false } },
});
const rows = Number(values.rows);
const accounts = Number(values.accounts);
const server = values['no-postgres'] ? null : startPostgres();
const started = new Date();
try {
  const imports = await importBench('.bench-data', rows, accounts, server?.url ?? null);
  const lines = [
    '# Benchmarks',
    '',
    `Written by \`npm run bench\` on ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC.`,
    `Machine: ${machineLine()}.`,
    'Each figure is a ratio against a floor measured in the same run, on the same machine and store.',
    '',
    '## Importing invoices from CSV',
    '',
    `\`dunwise import invoices\` on a generated CSV of ${rows.toLocaleString('en')} invoices for ${accounts.toLocaleString('en')} customers`,
    '(bench/generate.ts), into an empty store, as one atomic transaction: parsing, locale-aware numbers and',
    'dates, validation, account creation, idempotency fingerprints and repeat checks included.',
    'The floor is the raw driver inserting the same accounts and invoice rows, already in memory, with',
    'multi-row INSERTs in one transaction (bench/floor.ts): no parsing, no checks, no query builder.',
    'Peak RSS is the importing process, worker thread included. The PostgreSQL server is a throwaway',
    'cluster on loopback with fsync off (scripts/pg-test-server.sh), the same for floor and import.',
    '',
    '| store | rows | floor (raw bulk insert) | import | ratio (goal ≤ 2×) | peak RSS (goal ≤ 300 MB) |',
    '|---|---:|---:|---:|---:|---:|',
    ...imports.map((r) => `| ${r.store} | ${r.rows.toLocaleString('en')} | ${r.floorSeconds.toFixed(1)} s | ${r.importSeconds.toFixed(1)} s | ${(r.importSeconds / r.floorSeconds).toFixed(2)}× | ${Math.round(r.peakRssMb)} MB |`),
    '',
  ];
  writeFileSync('docs/BENCHMARKS.md', lines.join('\n'));
  process.stdout.write(lines.join('\n'));
} finally {
  server?.stop();
}
