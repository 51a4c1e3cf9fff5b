// `npm run bench`: measures and writes docs/BENCHMARKS.md. Every figure is a ratio against a
// floor measured in the same run on the same machine, so machines can be compared.
//   --rows N       invoices to import (default 1000000)
//   --accounts N   customers they belong to (default 100000)
//   --invoices N   open invoices for the cadence run (default 1000000)
//   --suites a,b   import, cadence, dispatch, replies, cash (default all); sections not run are kept
//   --cash-lines N bank lines for the cash import (default 100000), against --invoices open invoices
//   --cash-files N camt.053 files they are written to (default 20)
//   --no-postgres  skip the PostgreSQL store
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { cadenceBench, type CadenceResult } from './cadence-bench.ts';
import { cashBench, cashData, cashSection, type CashResult } from './cash-bench.ts';
import { dispatchBench } from './dispatch-bench.ts';
import { importBench, type ImportResult } from './import-bench.ts';
import { machineLine } from './machine.ts';
import { repliesBench } from './replies-bench.ts';
import { freshDatabase, startPostgres } from './postgres.ts';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000' },
    accounts: { type: 'string', default: '100000' },
    invoices: { type: 'string', default: '1000000' },
    suites: { type: 'string', default: 'import,cadence,dispatch,replies,cash' },
    'cash-lines': { type: 'string', default: '100000' },
    'cash-files': { type: 'string', default: '20' },
    'no-postgres': { type: 'boolean', default: false },
  },
});
const suites = new Set(values.suites.split(','));
const server = values['no-postgres'] ? null : startPostgres();
const started = new Date();
const lines = [
  '# Benchmarks',
  '',
  `Written by \`npm run bench\` on ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC.`,
  `Machine: ${machineLine()}.`,
  'Each figure is a ratio against a floor measured in the same run, on the same machine and store.',
  `Measured now: ${[...suites].join(', ')}; other sections are kept from the previous file (same machine unless it says otherwise).`,
  'The PostgreSQL server is a throwaway cluster on loopback with fsync off (scripts/pg-test-server.sh).',
  '',
];
try {
  if (suites.has('import')) lines.push(...importSection(await importBench('.bench-data', Number(values.rows), Number(values.accounts), server?.url ?? null), Number(values.rows), Number(values.accounts)));
  if (suites.has('cadence')) {
    const n = Number(values.invoices);
    const results: CadenceResult[] = [];
    const dir = '.bench-data/cadence';
    rmSync(dir, { recursive: true, force: true });
    results.push(await cadenceBench('SQLite (embedded)', { kind: 'sqlite', dataDir: join(dir, 'big') }, { kind: 'sqlite', dataDir: join(dir, 'small') }, n));
    rmSync(dir, { recursive: true, force: true });
    if (server) results.push(await cadenceBench('PostgreSQL 15', { kind: 'postgres', url: await freshDatabase(server.url, 'bench_cadence_big') }, { kind: 'postgres', url: await freshDatabase(server.url, 'bench_cadence_small') }, n));
    lines.push(...cadenceSection(results));
  }
  if (suites.has('dispatch')) lines.push(...(await dispatchBench('.bench-data/dispatch')));
  if (suites.has('replies')) lines.push(...(await repliesBench()));
  if (suites.has('cash')) {
    const n = Number(values.invoices);
    const data = cashData('.bench-data/cash', n, Math.floor(n / 10), Number(values['cash-lines']), Number(values['cash-files']));
    const results: CashResult[] = [];
    rmSync('.bench-data/cash-sqlite', { recursive: true, force: true });
    results.push(await cashBench('SQLite (embedded)', { kind: 'sqlite', dataDir: '.bench-data/cash-sqlite' }, data));
    rmSync('.bench-data/cash-sqlite', { recursive: true, force: true });
    if (server) results.push(await cashBench('PostgreSQL 15', { kind: 'postgres', url: await freshDatabase(server.url, 'bench_cash') }, data));
    lines.push(...cashSection(results, data));
  }
  const kept = keptSections(new Set(lines.filter((l) => l.startsWith('## '))));
  lines.push(...kept);
  writeFileSync('docs/BENCHMARKS.md', lines.join('\n'));
  process.stdout.write(lines.join('\n'));
} finally {
  server?.stop();
}

/** Sections of the existing file that this run did not measure, kept as they were. */
function keptSections(measured: Set<string>): string[] {
  if (!existsSync('docs/BENCHMARKS.md')) return [];
  const out: string[] = [];
  let keep = false;
  for (const line of readFileSync('docs/BENCHMARKS.md', 'utf8').split('\n')) {
    if (line.startsWith('## ')) keep = !measured.has(line);
    if (keep) out.push(line);
  }
  return out;
}

function importSection(imports: ImportResult[], rows: number, accounts: number): string[] {
  return [
    '## Importing invoices from CSV',
    '',
    `\`dunwise import invoices\` on a generated CSV of ${rows.toLocaleString('en')} invoices for ${accounts.toLocaleString('en')} customers`,
    '(bench/generate.ts), into an empty store, as one atomic transaction: parsing, locale-aware numbers and',
    'dates, validation, account creation, idempotency fingerprints and repeat checks included.',
    'The floor is the raw driver inserting the same accounts and invoice rows, already in memory, with',
    'multi-row INSERTs in one transaction (bench/floor.ts): no parsing, no checks, no query builder. Its rows',
    'carry what the import stores (a 22-character content hash, the file as source, the import id), with stand-in values.',
    'On SQLite the floor runs with the settings the import\'s transaction uses (statement journals in memory, a 4 MiB cache).',
    'Peak RSS is the importing process, worker thread included.',
    '',
    '| store | rows | floor (raw bulk insert) | import | ratio (goal ≤ 2×) | peak RSS (goal ≤ 300 MB) |',
    '|---|---:|---:|---:|---:|---:|',
    ...imports.map((r) => `| ${r.store} | ${r.rows.toLocaleString('en')} | ${r.floorSeconds.toFixed(1)} s | ${r.importSeconds.toFixed(1)} s | ${(r.importSeconds / r.floorSeconds).toFixed(2)}× | ${Math.round(r.peakRssMb)} MB |`),
    '',
  ];
}

function cadenceSection(results: CadenceResult[]): string[] {
  return [
    '## The cadence run',
    '',
    'bench/cadence-bench.ts: a ledger of open invoices in accounts of ten invoices each (contacts, due dates',
    'spread over seven weeks), policy b2b-net30, run on a Tuesday with about 10 % of the cases due. The floor is',
    'one hand-written SQL statement that reads the same due cases with their open invoices and inserts as many outbox',
    'rows as the run did (no planning, no decisions, no touch lines), rolled back; it is written two ways, a join and a',
    'subquery per due case, and the faster counts (SQLite plans the join by walking every open invoice: 6-7 s, against',
    '0.2-0.3 s for the subquery; PostgreSQL\'s join is the faster there). "Floor + lines" is a reference, not',
    'the goal\'s floor: the same statement writing each touch with its lines as the run stores them (`touches.lines`, one',
    '`[invoice id, step]` JSON entry per open invoice of the case, built by the server; close in size to the run\'s lines since migration 0010), i.e. the rows the run cannot do without, written by the',
    'server alone. The incremental ratio runs the same due work',
    '(1,000 cases of ten invoices) inside the big ledger and in a ledger of just those 10,000 invoices, the two in turn (the',
    'machine\'s speed drifts over the minutes of seeding the big ledger: taken before it, the small ledger\'s runs made this',
    'ratio 0.89-1.49 on PostgreSQL from one bench to the next). Every time in this table',
    'is the median of five runs of the same work (the run\'s rows removed and the same cases made due again in between), timed',
    'after each ledger is loaded and settled (PostgreSQL: `vacuum analyze` and a checkpoint, so autovacuum does not scan the',
    'just-loaded table during the runs; SQLite: a WAL checkpoint; and this process\'s garbage from seeding is collected before',
    'each timed run), and before each repetition of a run or a floor the cadence',
    'tables are vacuumed (PostgreSQL: `vacuum analyze cases, touches, decisions`), as autovacuum leaves them between two days\' runs:',
    'making the same cases due again leaves 100,000 dead case versions behind each time.',
    '',
    '| store | open invoices | due cases | touches | floor | floor + lines | run | ratio (goal ≤ 3×) | run vs floor + lines | due work in big vs small ledger | incremental ratio (goal ≤ 1.5) |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...results.map((r) => `| ${r.store} | ${r.invoices.toLocaleString('en')} | ${r.dueCases.toLocaleString('en')} | ${r.touches.toLocaleString('en')} | ${r.floorSeconds.toFixed(2)} s | ${r.floorWithLinesSeconds.toFixed(2)} s | ${r.runSeconds.toFixed(2)} s | ${(r.runSeconds / r.floorSeconds).toFixed(1)}× | ${(r.runSeconds / r.floorWithLinesSeconds).toFixed(1)}× | ${r.probeBigSeconds.toFixed(2)} s vs ${r.probeSmallSeconds.toFixed(2)} s | ${(r.probeBigSeconds / r.probeSmallSeconds).toFixed(2)} |`),
    '',
    'Where a SQLite run\'s time goes (profiled on 2026-12-07/08, outside this bench: per-statement timers, the CPU profiler',
    'and runs of two versions interleaved in one process, medians of ten). Before any worker, a run of ~0.85 s against a floor',
    'of ~0.22 s: the statements ~0.5 s (the open invoices 0.19 s, commits 0.12 s, the touches 0.07 s, moving the cases 0.05 s,',
    'claims 0.03 s, the rest 0.05 s), planning and the rest ~0.35 s. node:sqlite is synchronous, so one thread cannot plan',
    'while a statement runs: a run worker (src/store/run-worker.ts) claims, reads and writes the batches on a connection of its',
    'own while the main thread only plans, two batches in flight (0.62 s -> 0.55 s against a worker that only read ahead).',
    'On 2026-12-08: the planner makes one object per touch line (the line is its own decision) and shares one list of the',
    'steps passed over among the lines that passed over the same ones, where it made ~240,000 decision objects a run, and',
    'each invoice is made whole at once (the main thread\'s own work, batches given in memory: 162 ms -> 100 ms a run); the',
    'worker thread is JavaScript (a thread that loads TypeScript first sets up Node\'s type stripper: 20-30 ms of each run) and',
    'batches of 100 cases go through the main connection while it starts: run 0.432 s -> 0.330 s; the worker checkpoints the',
    'log once every 40 commits instead of when idle (0.301 s -> 0.266 s) and sends rows as arrays (0.308 s -> 0.281 s). A run',
    'leaves its log (up to 40 batches) for the store\'s next commit or close to copy into the file (settled here before each',
    'timed run; the floor rolls back and leaves none). The worker was then the busier thread (the open invoices ~90 ms of a',
    'run, writing the touches and moving the cases ~55 ms, the other reads ~40 ms, commits ~20 ms) while the main thread planned',
    'in ~0.19 s and waited ~0.1 s for it: so the worker leaves every other batch\'s open invoices for the main thread to read on',
    'its own connection (0.261 s -> 0.243 s).',
    '',
  ];
}
