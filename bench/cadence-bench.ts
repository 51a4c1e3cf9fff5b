// The cadence run on each store: a ledger of `invoices` open invoices in invoices/10 accounts,
// about 10 % of accounts due, against a hand-written floor (one SQL pass reading the same due
// cases and inserting as many outbox rows); and the incremental ratio: the same due work (1,000
// cases) in the big ledger and in a ledger of just those 10,000 invoices.
import { sql } from 'kysely';
import { dateHolidaysLookup } from '../src/calendar/date-holidays.ts';
import { BusinessCalendar } from '../src/core/business-calendar.ts';
import { fixedClock } from '../src/core/clock.ts';
import { asCurrency, type CurrencyCode } from '../src/core/currency.ts';
import type { InvoiceRecord } from '../src/core/ledger.ts';
import { addDays, type LocalDate } from '../src/core/local-date.ts';
import { presets } from '../src/core/policy/index.ts';
import { importInvoices } from '../src/engine/import-invoices.ts';
import type { ImportItem } from '../src/engine/import-report.ts';
import { runDunning, type RunReport } from '../src/engine/run-dunning.ts';
import { cadenceStore } from '../src/store/cadence-store.ts';
import { ledgerStore } from '../src/store/ledger-store.ts';
import { openStore, type StoreHandle, type StoreLocation } from '../src/store/open-store.ts';

const today = '2026-03-17' as LocalDate; // a Tuesday
const clock = fixedClock(new Date(`${today}T10:00:00Z`));
const eur = asCurrency('EUR') as CurrencyCode;
const probeAccounts = 1000;
const policy = presets['b2b-net30'];
const planning = { calendar: new BusinessCalendar(dateHolidaysLookup()), policyFor: () => policy as NonNullable<typeof policy> };

export type CadenceResult = { store: string; invoices: number; dueCases: number; touches: number; floorSeconds: number; floorWithLinesSeconds: number; runSeconds: number; probeBigSeconds: number; probeSmallSeconds: number };

function* ledger(invoices: number, accounts: number): Generator<ImportItem<InvoiceRecord>> {
  for (let i = 0; i < invoices; i++) {
    const a = i % accounts;
    const due = addDays(today, 3 - ((i * 7) % 50));
    const record: InvoiceRecord = {
      number: `C-${i}`, kind: 'invoice', accountRef: `A${a}`, accountName: `Customer ${a}`, currency: eur, issueDate: addDays(due, -30), dueDate: due,
      dueDateSource: 'explicit', totalMinor: 10000n + BigInt(i % 5000), openMinor: 10000n + BigInt(i % 5000), paymentReference: null, poNumber: null,
      terms: null, correctsNumber: null, buyerEmail: `ap@a${a}.example`, country: 'DE', instalments: [],
    };
    yield { kind: 'record', where: `row ${i}`, record };
  }
}

async function seed(store: StoreHandle, invoices: number, accounts: number): Promise<void> {
  const report = await importInvoices(ledgerStore(store.db, clock), { file: 'bench', fileHash: 'bench', items: ledger(invoices, accounts), defaults: { timeZone: 'Europe/Berlin', country: 'DE', locale: 'de' } });
  if (report.status !== 'imported') throw new Error('seed failed');
}

/**
 * Lets the store finish what a bulk load leaves it to do before anything is timed: on
 * PostgreSQL autovacuum would otherwise scan the just-loaded million invoices (and the
 * checkpointer write them) on this 2-core machine during the measured runs, charging the big
 * ledger for its loading rather than for its size; so vacuum, analyze and checkpoint now, as
 * after any bulk load. SQLite has no background work; its write-ahead log is checkpointed.
 */
async function settle(store: StoreHandle): Promise<void> {
  if (store.dialect === 'postgres') {
    await sql`vacuum analyze`.execute(store.db);
    // Needs superuser or pg_checkpoint (a BENCH_DATABASE_URL may have neither): then skipped.
    await sql`checkpoint`.execute(store.db).catch(() => undefined);
  } else await sql`pragma wal_checkpoint(truncate)`.execute(store.db);
}

/**
 * Before each timed repetition (run or floor): the cadence tables as a day's run finds them,
 * with yesterday's dead row versions vacuumed away. Each repetition first removes the last one's
 * rows and marks 100,000 cases again (setDue), which leaves as many dead versions of cases,
 * touches and decisions behind; autovacuum clears those between two days' runs, not within a
 * second. SQLite: its write-ahead log is checkpointed.
 */
async function settleCadence(store: StoreHandle): Promise<void> {
  if (store.dialect === 'postgres') await sql`vacuum analyze cases, touches, decisions`.execute(store.db);
  else await sql`pragma wal_checkpoint(truncate)`.execute(store.db);
}

/**
 * Times `fn`, after collecting this process's garbage (`npm run bench` runs node with
 * --expose-gc): seeding a million invoices leaves the heap full of it, which a `dunwise run`
 * process does not start with, and a full collection inside the run then charged it with the
 * seeding (SQLite run 0.57-0.70 s without, 0.48-0.49 s with; the floor, SQL only, is unchanged).
 */
async function timed<T>(fn: () => Promise<T>): Promise<{ seconds: number; value: T }> {
  (globalThis as { gc?: () => void }).gc?.();
  const started = performance.now();
  const value = await fn();
  return { seconds: (performance.now() - started) / 1000, value };
}

/** Marks which cases are due today: those whose account ref matches `due`, the rest far ahead. */
async function setDue(store: StoreHandle, due: (accountNumber: number) => boolean, accounts: number): Promise<number> {
  await sql`update cases set next_action_on = '2099-01-01'`.execute(store.db);
  const ids: number[] = [];
  for (let a = 0; a < accounts; a++) if (due(a)) ids.push(a);
  for (let i = 0; i < ids.length; i += 1000) {
    const refs = ids.slice(i, i + 1000).map((a) => `A${a}`);
    await store.db.updateTable('cases').set({ next_action_on: today }).where('account_id', 'in', store.db.selectFrom('accounts').select('id').where('ref', 'in', refs)).execute();
  }
  return ids.length;
}

/**
 * One SQL pass: the due cases with their open invoices, as many touch rows as the run wrote.
 * With `lines`, each touch row also carries its lines as the run stores them (`touches.lines`,
 * one `[invoice id, step]` per open invoice of the case, as JSON): not the goal's floor, a
 * reference for how much of the run is those lines alone. The pass is written two ways, and the
 * faster counts, so the floor is the best a hand-written statement does on each store: a join
 * (which each store plans by itself: SQLite walked every open invoice for it, 6-7 s; PostgreSQL
 * a hash join over every invoice or an index lookup per case, by its statistics) and a
 * subquery per due case (an index lookup per case, as the run reads them).
 */
async function floor(store: StoreHandle, touches: number, lines = false): Promise<number> {
  const json = store.dialect === 'postgres' ? sql`json_agg(json_build_array(i.id, 'floor'))::text` : sql`json_group_array(json_array(i.id, 'floor'))`;
  const columns = sql`insert into touches (case_id, step_id, policy_id, planned_on, channels, tone, template, action, status, idempotency_key, created_at, updated_at, lines)`;
  const mine = sql`i.account_id = c.account_id and i.currency = c.currency and i.status = 'open' and i.kind = 'invoice'`;
  const joined = sql`${columns}
    select c.id, 'floor', 'floor', ${today}, 'email', 'firm', 't', 'none', 'pending_review', 'floor-' || c.id || '-' || count(i.id) || '-' || sum(i.open_minor), 'now', 'now', ${lines ? json : sql`'[]'`}
    from cases c join invoices i on ${mine}
    where c.next_action_on <= ${today}
    group by c.id order by c.id limit ${touches}`;
  // The sum of no invoices is null, and so is the key: a case without open invoices is left out.
  const perCase = sql`${columns}
    select c.id, 'floor', 'floor', ${today}, 'email', 'firm', 't', 'none', 'pending_review', 'floor-' || c.id || '-' || c.f, 'now', 'now', c.lines
    from (select c.id, (select count(i.id) || '-' || sum(i.open_minor) from invoices i where ${mine}) as f,
            ${lines ? sql`(select ${json} from invoices i where ${mine})` : sql`'[]'`} as lines
          from cases c where c.next_action_on <= ${today}) c
    where c.f is not null
    order by c.id limit ${touches}`;
  const seconds: number[] = [];
  for (const statement of [joined, perCase]) {
    const started = performance.now();
    await store.db.transaction().execute(async (trx) => {
      const inserted = (await statement.execute(trx)).numAffectedRows;
      if (inserted !== undefined && Number(inserted) !== touches) throw new Error(`the floor wrote ${inserted} touches, the run ${touches}`);
      throw new Rollback();
    }).catch((e: unknown) => {
      if (!(e instanceof Rollback)) throw e;
    });
    seconds.push((performance.now() - started) / 1000);
  }
  return Math.min(...seconds);
}

class Rollback extends Error {}

// Every timing here is a second or two at most, where one hiccup of the machine shows (on the
// shared 2-core machine of docs/BENCHMARKS.md one run of the same work varied by 10-20 %, and
// by up to 40 % within a minute: 0.39-0.60 s): each is taken this many times, the same work each
// time, and the median kept (of three, two benches ten minutes apart gave SQLite 3.9x and 4.8x).
const probeRuns = 5;
const runs = 5;

async function medianOf<T>(times: number, fn: () => Promise<{ seconds: number; value: T }>): Promise<{ seconds: number; value: T }> {
  const runs: { seconds: number; value: T }[] = [];
  for (let i = 0; i < times; i++) runs.push(await fn());
  return median(runs);
}

function median<T>(runs: readonly { seconds: number; value: T }[]): { seconds: number; value: T } {
  const sorted = [...runs].sort((a, b) => a.seconds - b.seconds);
  return sorted[Math.floor(sorted.length / 2)] as { seconds: number; value: T };
}

export async function cadenceBench(label: string, big: StoreLocation, small: StoreLocation, invoices: number): Promise<CadenceResult> {
  const accounts = Math.floor(invoices / 10);
  // The small ledger first, run once to warm up (JIT, holiday tables).
  const smallStore = await openStore(small);
  await seed(smallStore, probeAccounts * 10, probeAccounts);
  await settle(smallStore);
  const smallCadence = cadenceStore(smallStore.db, smallStore.dialect, clock, sqliteFile(smallStore));
  await runDunning(smallCadence, addDays(today, -7), planning);

  const bigStore = await openStore(big);
  process.stderr.write(`${label}: seeding ${invoices} invoices ...\n`);
  await seed(bigStore, invoices, accounts);
  await settle(bigStore);
  const cadence = cadenceStore(bigStore.db, bigStore.dialect, clock, sqliteFile(bigStore));
  // The same due work in each ledger, the two taken in turn: the machine's speed drifts over the
  // minutes that seeding the big ledger takes (the small ledger's runs, once taken before it,
  // made this ratio 0.89-1.49 on PostgreSQL from one bench to the next).
  process.stderr.write(`${label}: the same due work in the small and the big ledger, in turn ...\n`);
  const probes = { small: [] as { seconds: number; value: RunReport }[], big: [] as { seconds: number; value: RunReport }[] };
  for (let i = 0; i < probeRuns; i++) {
    await forget(smallStore);
    await setDue(smallStore, () => true, probeAccounts);
    await settleCadence(smallStore);
    probes.small.push(await timed(() => runDunning(smallCadence, today, planning)));
    await forget(bigStore);
    await setDue(bigStore, (a) => a < probeAccounts, accounts);
    await settleCadence(bigStore);
    probes.big.push(await timed(() => runDunning(cadence, today, planning)));
  }
  await smallStore.close();
  const probeSmall = median(probes.small);
  const probeBig = median(probes.big);
  const due = (a: number): boolean => a >= probeAccounts && a % 10 === 3;
  let dueCases = 0;
  process.stderr.write(`${label}: the run over about 10 % of cases, ${runs} times ...\n`);
  const run = await medianOf(runs, async () => {
    await forget(bigStore);
    dueCases = await setDue(bigStore, due, accounts);
    await settleCadence(bigStore);
    return timed(() => runDunning(cadence, today, planning));
  });
  // The floors read the same due cases; each rolls back what it wrote.
  await setDue(bigStore, due, accounts);
  const floored = async (lines: boolean): Promise<{ seconds: number; value: null }> => {
    await settleCadence(bigStore);
    return { seconds: await floor(bigStore, run.value.touches, lines), value: null };
  };
  const floorSeconds = (await medianOf(runs, () => floored(false))).seconds;
  const floorWithLinesSeconds = (await medianOf(runs, () => floored(true))).seconds;
  await bigStore.close();
  return { store: label, invoices, dueCases, touches: run.value.touches, floorSeconds, floorWithLinesSeconds, runSeconds: run.seconds, probeBigSeconds: probeBig.seconds, probeSmallSeconds: probeSmall.seconds };
}

/** Removes what a warm-up run wrote, so the measured run does the same work again. */
async function forget(store: StoreHandle): Promise<void> {
  await sql`delete from decisions`.execute(store.db);
  await sql`delete from touches`.execute(store.db);
  await sql`update cases set last_touch_on = null, touches_count = 0`.execute(store.db);
}

/** The SQLite store's file, which the run's worker opens too (as `dunwise run` does). */
const sqliteFile = (store: StoreHandle): string | null => (store.dialect === 'sqlite' ? store.location : null);
