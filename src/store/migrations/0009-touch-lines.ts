import { sql, type Kysely } from 'kysely';
import type { StoreDialect } from '../dialect.ts';

/**
 * A touch keeps its lines (which invoice, at which step, and the run's note on it) in its own
 * row, `touches.lines`, a JSON list of `[invoice id, step id, reason, detail, passed over]`, or
 * `[invoice id, step id, day, passed over]` for a line at the touch's step whose words are the
 * step's with the day it fell due (store/decision-rows.ts); `touch_invoices` becomes a view
 * that unfolds them, one row per line as before (`detail` null and `fell_due_on` set for the
 * short form), so readers are unchanged. A run over 1,000,000 open invoices wrote 99,000 line rows, each a heap tuple
 * and two index entries: 0.47 s of its ~1.3 s on PostgreSQL, against 0.05 s for the same
 * lines as text on their 9,900 touches (docs/BENCHMARKS.md).
 *
 * The unique (invoice, step) index goes with the table. What it stood for still holds, and is
 * tested: a step is planned only by a transaction that holds the case (the run's claim locks
 * it; card-update emails lock it too), reads the case's sent steps after taking it, and writes
 * its touches before letting go; the planner never plans a sent step; and a touch's
 * idempotency key (unique) names its invoices and steps, so the same plan never goes in twice.
 * The tests of a second run, of two concurrent runs and of a run killed 20 times check every
 * (invoice, step) of the outbox.
 */
export async function up(db: Kysely<unknown>, dialect: StoreDialect): Promise<void> {
  await db.schema.alterTable('touches').addColumn('lines', 'text', (c) => c.notNull().defaultTo('[]')).execute();
  if (dialect === 'postgres') {
    await sql`update touches set lines = l.lines
      from (select touch_id, json_agg(json_build_array(invoice_id, step_id, reason, detail, passed_over::json) order by invoice_id)::text as lines
            from touch_invoices group by touch_id) l
      where l.touch_id = touches.id`.execute(db);
    await sql`drop table touch_invoices`.execute(db);
    await sql`create view touch_invoices as
      select t.id as touch_id, t.case_id, (l.value ->> 0)::integer as invoice_id, l.value ->> 1 as step_id,
        case when jsonb_array_length(l.value) = 4 then 'step_due' else l.value ->> 2 end as reason,
        case when jsonb_array_length(l.value) = 4 then null else l.value ->> 3 end as detail,
        case when jsonb_array_length(l.value) = 4 then l.value ->> 2 end as fell_due_on,
        case when jsonb_array_length(l.value) = 4 then l.value ->> 3 else l.value ->> 4 end as passed_over
      from touches t cross join lateral jsonb_array_elements(t.lines::jsonb) as l(value)`.execute(db);
    return;
  }
  await sql`update touches set lines = coalesce((
      select json_group_array(json_array(invoice_id, step_id, reason, detail, json(passed_over)))
      from (select * from touch_invoices l where l.touch_id = touches.id order by invoice_id)), '[]')
    where exists (select 1 from touch_invoices l where l.touch_id = touches.id)`.execute(db);
  await sql`drop table touch_invoices`.execute(db);
  await sql`create view touch_invoices as
    select t.id as touch_id, t.case_id as case_id, json_extract(l.value, '$[0]') as invoice_id, json_extract(l.value, '$[1]') as step_id,
      case when json_array_length(l.value) = 4 then 'step_due' else json_extract(l.value, '$[2]') end as reason,
      case when json_array_length(l.value) = 4 then null else json_extract(l.value, '$[3]') end as detail,
      case when json_array_length(l.value) = 4 then json_extract(l.value, '$[2]') end as fell_due_on,
      case when json_array_length(l.value) = 4 then json_extract(l.value, '$[3]') else json_extract(l.value, '$[4]') end as passed_over
    from touches t, json_each(t.lines) l`.execute(db);
}
