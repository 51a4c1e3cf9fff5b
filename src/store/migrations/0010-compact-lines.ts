import { sql, type Kysely } from 'kysely';
import type { StoreDialect } from '../dialect.ts';

/**
 * A third form of touch line, the one a run writes for a line at its touch's own step in the
 * step's own words: `[invoice id, days]` or `[invoice id, days, passed over]`, the day its step
 * fell due given as days from the touch's planned day, and each step passed over as a step id
 * and its days, one flat list (`["d-3", -21, "d0", -18]`). The step is the touch's. The run's
 * 9,900 touches over 1,000,000 invoices carried 9.0 MB of lines in the form of migration 0009,
 * 3.7 MB in this one; on PostgreSQL the run took 1.24 s instead of 1.33 s (medians of 8,
 * interleaved in one process, a scratch profiler; SQLite showed no change). Lines written before keep their forms, and the
 * view below reads all three; `passed_over` stays JSON text, decoded by store/decision-rows.ts.
 */
export async function up(db: Kysely<unknown>, dialect: StoreDialect): Promise<void> {
  await sql`drop view touch_invoices`.execute(db);
  if (dialect === 'postgres') {
    await sql`create view touch_invoices as
      select t.id as touch_id, t.case_id, (l.value ->> 0)::integer as invoice_id,
        case when jsonb_array_length(l.value) <= 3 then t.step_id else l.value ->> 1 end as step_id,
        case when jsonb_array_length(l.value) = 5 then l.value ->> 2 else 'step_due' end as reason,
        case when jsonb_array_length(l.value) = 5 then l.value ->> 3 end as detail,
        case jsonb_array_length(l.value) when 5 then null when 4 then l.value ->> 2
          else to_char(t.planned_on::date + (l.value ->> 1)::integer, 'YYYY-MM-DD') end as fell_due_on,
        case jsonb_array_length(l.value) when 5 then l.value ->> 4 when 4 then l.value ->> 3 when 3 then l.value ->> 2 end as passed_over
      from touches t cross join lateral jsonb_array_elements(t.lines::jsonb) as l(value)`.execute(db);
    return;
  }
  await sql`create view touch_invoices as
    select t.id as touch_id, t.case_id as case_id, json_extract(l.value, '$[0]') as invoice_id,
      case when json_array_length(l.value) <= 3 then t.step_id else json_extract(l.value, '$[1]') end as step_id,
      case when json_array_length(l.value) = 5 then json_extract(l.value, '$[2]') else 'step_due' end as reason,
      case when json_array_length(l.value) = 5 then json_extract(l.value, '$[3]') end as detail,
      case json_array_length(l.value) when 5 then null when 4 then json_extract(l.value, '$[2]')
        else date(t.planned_on, json_extract(l.value, '$[1]') || ' days') end as fell_due_on,
      case json_array_length(l.value) when 5 then json_extract(l.value, '$[4]') when 4 then json_extract(l.value, '$[3]') when 3 then json_extract(l.value, '$[2]') end as passed_over
    from touches t, json_each(t.lines) l`.execute(db);
}
