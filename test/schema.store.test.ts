// Versioned migrations: they run on open, and an older binary refuses a newer schema.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { DunwiseError } from '../src/core/errors.ts';
import { knownSchemas, latestSchema } from '../src/store/migrate.ts';
import { openStore } from '../src/store/open-store.ts';
import { importInvoices } from '../src/engine/import-invoices.ts';
import { stores } from './support/cadence.ts';
import { inv, items } from './support/records.ts';
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

test('migration 0009 moves each touch\'s lines into its row; the touch_invoices view reads them back as they were', async () => {
  const { location, dispose } = await freshLocation();
  try {
    const old = await openStore(location, { schema: '0008-claim-order' });
    await importInvoices(stores(old).ledger, { file: 'a.csv', fileHash: 'h', defaults: { timeZone: 'Europe/Berlin', country: 'DE', locale: 'de' }, items: items([inv('M-1'), inv('M-2')]) });
    const invoices = (await old.db.selectFrom('invoices').select(['id', 'number']).orderBy('number').execute()).map((r) => Number(r.id));
    const caseId = Number((await old.db.selectFrom('cases').select('id').executeTakeFirstOrThrow()).id);
    const touchSql = (key: string) => sql`insert into touches (case_id, step_id, policy_id, planned_on, channels, tone, template, action, status, idempotency_key, created_at, updated_at)
      values (${caseId}, 'd+7', 'p', '2026-03-10', 'email', 'firm', 't', 'none', 'approved', ${key}, 'now', 'now')`;
    await touchSql('k1').execute(old.db);
    await touchSql('k2').execute(old.db);
    const [t1, t2] = (await old.db.selectFrom('touches').select('id').orderBy('id').execute()).map((r) => Number(r.id));
    // Written before: a run's line with its note, passed-over steps in both stored forms, and a
    // line no run planned (a card-update email); a touch with no line at all.
    const legacy = [
      [t1, invoices[1], 'd+7', 'step_due', 'step d+7 (firm, email) fell due on 2026-03-09', '{"fellDue":[["d0","2026-03-02"]]}'],
      [t1, invoices[0], 'd+7', 'step_due', 'say "hi"\\', '[["d0","older words"]]'],
    ] as const;
    for (const [touch, invoice, step, reason, detail, passed] of legacy) {
      await sql`insert into touch_invoices (touch_id, invoice_id, step_id, reason, detail, passed_over) values (${touch}, ${invoice}, ${step}, ${reason}, ${detail}, ${passed})`.execute(old.db);
    }
    await sql`insert into touch_invoices (touch_id, invoice_id, step_id) values (${t2}, ${invoices[0]}, 'card-update')`.execute(old.db);
    await sql`insert into touches (case_id, step_id, policy_id, planned_on, channels, tone, template, action, status, idempotency_key, created_at, updated_at)
      values (${caseId}, 'd+14', 'p', '2026-03-17', 'email', 'firm', 't', 'none', 'approved', 'k3', 'now', 'now')`.execute(old.db);
    await old.close();

    const store = await openStore(location);
    try {
      const lines = await store.db.selectFrom('touch_invoices').selectAll().orderBy('touch_id').orderBy('invoice_id').execute();
      assert.deepEqual(lines.map((l) => [Number(l.touch_id), Number(l.case_id), Number(l.invoice_id), l.step_id, l.reason, l.detail, l.passed_over === null ? null : JSON.parse(l.passed_over) as unknown]), [
        [t1, caseId, invoices[0], 'd+7', 'step_due', 'say "hi"\\', [['d0', 'older words']]],
        [t1, caseId, invoices[1], 'd+7', 'step_due', 'step d+7 (firm, email) fell due on 2026-03-09', { fellDue: [['d0', '2026-03-02']] }],
        [t2, caseId, invoices[0], 'card-update', null, null, null],
      ]);
      const empty = await store.db.selectFrom('touches').select('lines').where('idempotency_key', '=', 'k3').executeTakeFirstOrThrow();
      assert.equal(empty.lines, '[]');
      // The history reads the notes back as the decisions they were.
      const history = await stores(store).cadence.decisionHistory([caseId], null);
      assert.deepEqual(history.map((h) => [h.kind, h.stepId, h.reason, h.detail]), [
        ['skip', 'd0', 'superseded', 'older words'],
        ['touch', 'd+7', 'step_due', 'say "hi"\\'],
        ['skip', 'd0', 'superseded', 'step d0 of invoice M-2 fell due on 2026-03-02; step d+7 is due now'],
        ['touch', 'd+7', 'step_due', 'step d+7 (firm, email) fell due on 2026-03-09'],
      ]);
    } finally {
      await store.close();
    }
  } finally {
    await dispose();
  }
});

test('migration 0010: the touch_invoices view reads lines of 0009 as before and the compact lines (days from the touch\'s day, across a month end)', async () => {
  const { location, dispose } = await freshLocation();
  try {
    const old = await openStore(location, { schema: '0009-touch-lines' });
    await importInvoices(stores(old).ledger, { file: 'a.csv', fileHash: 'h', defaults: { timeZone: 'Europe/Berlin', country: 'DE', locale: 'de' }, items: items([inv('M-1'), inv('M-2')]) });
    const [a, b] = (await old.db.selectFrom('invoices').select('id').orderBy('number').execute()).map((r) => Number(r.id));
    const caseId = Number((await old.db.selectFrom('cases').select('id').executeTakeFirstOrThrow()).id);
    const touch = (key: string, lines: unknown[]) => sql`insert into touches (case_id, step_id, policy_id, planned_on, channels, tone, template, action, status, idempotency_key, created_at, updated_at, lines)
      values (${caseId}, 'd+7', 'p', '2026-03-10', 'email', 'firm', 't', 'none', 'approved', ${key}, 'now', 'now', ${JSON.stringify(lines)})`;
    // Written by 0009: the short form, the long form, a card line.
    await touch('k1', [[a, 'd+7', '2026-03-09', { fellDue: [['d0', '2026-03-02']] }], [b, 'd0', 'step_due', 'words', null]]).execute(old.db);
    await touch('k2', [[a, 'card-update', null, null, null]]).execute(old.db);
    await old.close();

    const store = await openStore(location);
    try {
      // Written by a run now: with and without steps passed over; -10 days from 2026-03-10 is 2026-02-28.
      await touch('k3', [[a, -10, ['d-3', -20, 'd0', -17]], [b, 2]]).execute(store.db);
      const lines = await store.db.selectFrom('touch_invoices').selectAll().orderBy('touch_id').orderBy('invoice_id').execute();
      assert.deepEqual(lines.map((l) => [Number(l.invoice_id), l.step_id, l.reason, l.detail, l.fell_due_on, l.passed_over === null ? null : JSON.parse(l.passed_over) as unknown]), [
        [a, 'd+7', 'step_due', null, '2026-03-09', { fellDue: [['d0', '2026-03-02']] }],
        [b, 'd0', 'step_due', 'words', null, null],
        [a, 'card-update', null, null, null, null],
        [a, 'd+7', 'step_due', null, '2026-02-28', ['d-3', -20, 'd0', -17]],
        [b, 'd+7', 'step_due', null, '2026-03-12', null],
      ]);
      const history = await stores(store).cadence.decisionHistory([caseId], null);
      assert.deepEqual(history.filter((h) => h.invoiceNumber === 'M-1' && h.kind === 'skip').map((h) => h.detail), [
        'step d0 of invoice M-1 fell due on 2026-03-02; step d+7 is due now',
        'step d-3 of invoice M-1 fell due on 2026-02-18; step d+7 is due now',
        'step d0 of invoice M-1 fell due on 2026-02-21; step d+7 is due now',
      ]);
    } finally {
      await store.close();
    }
  } finally {
    await dispose();
  }
});
