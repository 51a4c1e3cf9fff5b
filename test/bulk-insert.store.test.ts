// Many rows in one statement on the store under test: on PostgreSQL each column travels as one
// array literal, and a column of repeating text as its distinct values and positions. Whatever a
// value holds comes back as it was.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { insertColumns, type TypedColumn } from '../src/store/bulk-insert.ts';
import { withStore } from './stores.ts';

const awkward = ['', 'NULL', 'null', 'a,b', '{x}', '{"y"}', 'say "hi"', 'back\\slash', '\\"', ' spaced ', 'tab\there', 'line\nbreak', 'Zoë ☃ 𝄞', "it's"];
const columns: readonly TypedColumn<'audit_log'>[] = [['at', 'text'], ['actor', 'text'], ['entity', 'text'], ['entity_id', 'text'], ['action', 'text'], ['detail', 'text']];

test('awkward text survives, in columns of repeating values and of distinct ones, over several statements', () =>
  withStore(async (store) => {
    // 12,000 rows: three statements on PostgreSQL. `actor` repeats (sent as distinct values and
    // positions), `entity_id` never does (sent whole), `detail` mixes both.
    const rows = Array.from({ length: 12_000 }, (_, i) => {
      const odd = awkward[i % awkward.length] as string;
      return [`2026-12-07T10:00:${String(i % 60).padStart(2, '0')}Z`, odd, 'invoice', `${odd}#${i}`, i % 2 === 0 ? 'a' : 'b', i % 100 === 0 ? `${odd} unique ${i}` : odd];
    });
    const returned = await insertColumns(store.db, 'audit_log', columns, rows, ['id', 'entity_id']);
    assert.equal(returned.length, rows.length);
    const back = await store.db.selectFrom('audit_log').select(['at', 'actor', 'entity', 'entity_id', 'action', 'detail']).orderBy('id').execute();
    assert.deepEqual(back.map((r) => [r.at, r.actor, r.entity, r.entity_id, r.action, r.detail]), rows);
    assert.deepEqual(new Set(returned.map((r) => r['entity_id'])), new Set(rows.map((r) => r[3])));
  }));

test('no rows: nothing is sent, nothing is returned', () =>
  withStore(async (store) => {
    assert.deepEqual(await insertColumns(store.db, 'audit_log', columns, [], ['id']), []);
  }));

test('a json column keeps each JSON text exactly as given; anything but JSON text is refused', () =>
  withStore(async (store) => {
    const texts = ['[]', '{"a": 1,  "b":[1, 2]}', '["say \\"hi\\"", "back\\\\slash", "Zoë ☃ 𝄞", null]', '"NULL"', '[[1,"d+7","2026-03-09",{"fellDue":[["d0","2026-03-02"]]}]]'];
    const json: readonly TypedColumn<'audit_log'>[] = [['at', 'text'], ['actor', 'text'], ['entity', 'text'], ['entity_id', 'text'], ['action', 'text'], ['detail', 'json']];
    await insertColumns(store.db, 'audit_log', json, texts.map((t, i) => ['2026-12-07T10:00:00Z', 'me', 'x', String(i), 'a', t]));
    const back = await store.db.selectFrom('audit_log').select('detail').orderBy('id').execute();
    assert.deepEqual(back.map((r) => r.detail), texts);
    if (store.dialect === 'postgres') await assert.rejects(insertColumns(store.db, 'audit_log', json, [['t', 'me', 'x', '9', 'a', null]]), /json value must be JSON text/);
  }));
