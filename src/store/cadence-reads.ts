import { PostgresAdapter, sql, type Kysely, type RawBuilder, type Selectable, type Transaction } from 'kysely';
import type { CaseState, PlanInvoice } from '../core/cadence/types.ts';
import type { Segment } from '../core/ledger.ts';
import type { LocalDate } from '../core/local-date.ts';
import type { CaseContext, CaseRecord, ClaimCursor } from '../engine/cadence-ports.ts';
import { arrayLiteral } from './bulk-insert.ts';
import { toBigInt, toId } from './convert.ts';
import type { CasesTable, Database } from './schema.ts';

// What a run reads for a batch, as rows (claimDueRows, contextRows) and as the engine's cases
// (toCaseRecord, assembleContexts): split so that SQLite's run worker (run-worker.ts)
// runs the same queries on its own connection and this process only assembles their rows.

export type Db = Kysely<Database> | Transaction<Database>;

/** The due cases after `after`, in the (next_action_on, id) index's order, as rows. */
export async function claimDueRows(db: Db, today: LocalDate, limit: number, after: ClaimCursor | null, forUpdate: boolean): Promise<Selectable<CasesTable>[]> {
  return claimQuery(db, today, limit, after, forUpdate).execute();
}

function claimQuery(db: Db, today: string, limit: number | string, after: { nextActionOn: string; id: number | string } | null, forUpdate: boolean) {
  let q = db.selectFrom('cases').selectAll().where('next_action_on', 'is not', null).where('next_action_on', '<=', today).orderBy('next_action_on').orderBy('id').limit(limit as number);
  // A row comparison, which both stores answer from the (next_action_on, id) index.
  if (after) q = q.where(sql<boolean>`(next_action_on, id) > (${after.nextActionOn}, ${after.id})`);
  // Several workers on PostgreSQL: each takes cases no other transaction holds.
  if (forUpdate) q = q.forUpdate().skipLocked();
  return q;
}

/**
 * `column in (ids)` with the ids as one parameter, not thousands of placeholders to compile,
 * bind and parse per batch: on PostgreSQL an array (`= any($1::int[])`), on SQLite a JSON list
 * (`in (select value from json_each(?))`; 5,000 invoice ids: 2.6 ms against 5.9 ms, measured).
 */
function idsIn(db: Db, column: string, ids: Ids): RawBuilder<boolean> {
  if (isPostgres(db)) return sql<boolean>`${sql.ref(column)} = any(${arrayLiteral(ids as readonly number[], 'int')}::int[])`;
  return sql<boolean>`${sql.ref(column)} in (select value from json_each(${typeof ids === 'string' ? ids : JSON.stringify(ids)}))`;
}

/** Ids, or (compiling the queries for the run worker) the marker its JSON list replaces. */
type Ids = readonly number[] | string;

const isPostgres = (db: Db): boolean => db.getExecutor().adapter instanceof PostgresAdapter;

/** The rows behind a batch's contexts: plain values, so they can cross to another thread. */
export type ContextRows = {
  readonly accounts: readonly { id: number | string | bigint; ref: string; name: string; country: string; segment: string; time_zone: string }[];
  readonly contacts: readonly { account_id: number | string | bigint }[];
  readonly invoices: InvoiceRows;
  readonly disputes: readonly { invoice_id: number | string | bigint }[];
  readonly sent: readonly { invoice_id: number | string | bigint; step_id: string }[];
};

/**
 * The open invoices of the accounts. On SQLite each case's as one JSON text built by SQLite
 * (grouped in the index's order) and read by the runtime's JSON parser: making a row object for
 * each of a batch's ~5,000 invoices took half of the query's 35 ms (measured: 18 ms as one JSON
 * text; grouped by case, 1.7 ms instead of 3.8 ms of this process's time per batch to read). On
 * PostgreSQL the server building the JSON cost more than the driver's rows (measured, a
 * 99,000-invoice run: loading 0.5 s -> 0.8 s).
 */
export type InvoiceRows = { readonly grouped: true; readonly rows: readonly GroupedRow[] } | { readonly grouped: false; readonly rows: readonly InvoiceRow[] };
type GroupedRow = { account_id: number; currency: string; invoices: string };
type InvoiceRow = { id: number | string | bigint; account_id: number | string | bigint; number: string; currency: string; open_minor: number | string | bigint; due_date: string };

/** Accounts, contacts, open invoices, open disputes and sent steps of the cases, in a few queries. */
export async function contextRows(db: Db, cases: readonly CaseRecord[]): Promise<ContextRows> {
  const q = contextQueries(db, [...new Set(cases.map((c) => c.accountId))], cases.map((c) => c.id));
  const [accounts, contacts, invoices, disputes, sent] = await Promise.all([q.accounts.execute(), q.contacts.execute(), q.invoices.execute(), q.disputes.execute(), q.sent.execute()]);
  return { accounts, contacts, invoices: invoiceRows(db, invoices), disputes, sent };
}

/** The open invoices of the cases' accounts alone (contextRows reads them with the rest). */
export async function openInvoiceRows(db: Db, cases: readonly CaseRecord[]): Promise<InvoiceRows> {
  return invoiceRows(db, await contextQueries(db, [...new Set(cases.map((c) => c.accountId))], []).invoices.execute());
}

const invoiceRows = (db: Db, rows: readonly unknown[]): InvoiceRows =>
  isPostgres(db) ? { grouped: false, rows: rows as InvoiceRow[] } : { grouped: true, rows: rows as GroupedRow[] };

function contextQueries(db: Db, accountIds: Ids, caseIds: Ids) {
  return {
    accounts: db.selectFrom('accounts').select(['id', 'ref', 'name', 'country', 'segment', 'time_zone']).where(idsIn(db, 'id', accountIds)),
    // A contact counts only with an email address that has not bounced hard or opted out.
    contacts: db.selectFrom('contacts').select(['account_id']).where(idsIn(db, 'account_id', accountIds)).where('email', 'is not', null)
      .where(({ not, exists, selectFrom }) => not(exists(selectFrom('contact_issues').select('contact_issues.id').whereRef('contact_issues.email', '=', 'contacts.email').where('contact_issues.resolved_at', 'is', null)))),
    invoices: isPostgres(db)
      ? db.selectFrom('invoices').select(['id', 'account_id', 'number', 'currency', 'open_minor', 'due_date']).where(idsIn(db, 'account_id', accountIds)).where('kind', '=', 'invoice').where('status', '=', 'open')
      : db.selectFrom('invoices').select(['account_id', 'currency', sql<string>`json_group_array(json_array(id, number, cast(open_minor as text), due_date))`.as('invoices')])
        .where(idsIn(db, 'account_id', accountIds)).where('kind', '=', 'invoice').where('status', '=', 'open').groupBy(['account_id', 'currency']),
    // Open disputes by account, not by each open invoice's id: on PostgreSQL a batch's ~5,000
    // invoice ids were an array to send and parse and as many index probes, for a handful of rows.
    disputes: db.selectFrom('disputes').innerJoin('invoices', 'invoices.id', 'disputes.invoice_id').select('disputes.invoice_id')
      .where(idsIn(db, 'invoices.account_id', accountIds)).where('disputes.status', '=', 'open'),
    // Sent steps from the touches of these cases (an invoice is in its account and currency's case).
    sent: db.selectFrom('touch_invoices').select(['invoice_id', 'step_id']).where(idsIn(db, 'case_id', caseIds)),
  };
}


/** The markers in the compiled reads (compiledReads) that the run worker replaces by values. */
export const readMarkers = { today: '\u0000today', limit: '\u0000limit', afterOn: '\u0000afterOn', afterId: '\u0000afterId', accountIds: '\u0000accountIds', caseIds: '\u0000caseIds' } as const;

export type CompiledRead = { readonly sql: string; readonly parameters: readonly unknown[] };
export type CompiledReads = { readonly claim: CompiledRead } & Record<keyof ReturnType<typeof contextQueries>, CompiledRead>;

/**
 * SQLite's batch reads compiled once, with markers for their values, for the run worker:
 * it runs them on node:sqlite alone, without loading the query builder (a worker starts in
 * ~50 ms instead of ~0.2 s, measured), and they stay the very queries this process runs.
 */
export function compiledReads(db: Kysely<Database>): CompiledReads {
  const m = readMarkers;
  const c = contextQueries(db, m.accountIds, m.caseIds);
  const compile = (q: { compile(): { sql: string; parameters: readonly unknown[] } }): CompiledRead => {
    const { sql: text, parameters } = q.compile();
    return { sql: text, parameters };
  };
  return {
    claim: compile(claimQuery(db, m.today, m.limit, { nextActionOn: m.afterOn, id: m.afterId }, false)),
    accounts: compile(c.accounts), contacts: compile(c.contacts), invoices: compile(c.invoices), disputes: compile(c.disputes), sent: compile(c.sent),
  };
}

/** The sent steps of an invoice with none (most of a ledger): one shared, read-only set. */
const noSteps: ReadonlySet<string> = new Set();

const caseKey = (accountId: number, currency: string): string => `${accountId}/${currency}`;

/** The engine's contexts of the cases from their rows. */
export function assembleContexts(cases: readonly CaseRecord[], rows: ContextRows): CaseContext[] {
  const invoices = byCase(rows.invoices, invoiceFacts(rows));
  const withContact = new Set(rows.contacts.map((c) => toId(c.account_id)));
  const byId = new Map(rows.accounts.map((a) => [toId(a.id), a]));
  return cases.map((record) => {
    const a = byId.get(record.accountId);
    if (!a) throw new Error(`case ${record.id} has no account ${record.accountId}`);
    return {
      record,
      account: { id: record.accountId, ref: a.ref, name: a.name, country: a.country, segment: a.segment as Segment, timeZone: a.time_zone },
      hasContact: withContact.has(record.accountId),
      invoices: invoices.get(caseKey(record.accountId, record.currency)) ?? [],
    };
  });
}

/** The open invoices with an open dispute, and the steps sent for each invoice with any. */
type InvoiceFacts = { readonly disputed: ReadonlySet<number>; readonly sent: ReadonlyMap<number, ReadonlySet<string>> };

function invoiceFacts(rows: ContextRows): InvoiceFacts {
  const sent = new Map<number, Set<string>>();
  for (const s of rows.sent) {
    const id = toId(s.invoice_id);
    const steps = sent.get(id);
    if (steps) steps.add(s.step_id);
    else sent.set(id, new Set([s.step_id]));
  }
  return { disputed: new Set(rows.disputes.map((d) => toId(d.invoice_id))), sent };
}

/**
 * The open invoices by case (account and currency), each made whole at once: its dispute and sent
 * steps looked up in the few the batch has, not set afterwards through a map of every invoice
 * (~5,000 a batch).
 */
function byCase(invoices: InvoiceRows, facts: InvoiceFacts): Map<string, PlanInvoice[]> {
  const cases = new Map<string, PlanInvoice[]>();
  const any = facts.disputed.size > 0 || facts.sent.size > 0;
  const invoice = (id: number, number: string, openMinor: bigint, dueDate: string): PlanInvoice => ({
    id, number, openMinor, dueDate: dueDate as LocalDate, disputed: any && facts.disputed.has(id), sentSteps: (any && facts.sent.get(id)) || noSteps,
  });
  if (invoices.grouped) {
    for (const r of invoices.rows) {
      const list = JSON.parse(r.invoices) as [number, string, string, string][];
      const open = new Array<PlanInvoice>(list.length);
      for (let k = 0; k < list.length; k++) {
        const [id, number, minor, due] = list[k] as [number, string, string, string];
        open[k] = invoice(id, number, BigInt(minor), due);
      }
      cases.set(caseKey(r.account_id, r.currency), open);
    }
    return cases;
  }
  for (const r of invoices.rows) {
    const key = caseKey(toId(r.account_id), r.currency);
    let list = cases.get(key);
    if (!list) cases.set(key, (list = []));
    list.push(invoice(toId(r.id), r.number, toBigInt(r.open_minor), r.due_date));
  }
  return cases;
}

/** Maps a cases row to the engine's record, with its state as a discriminated union. */
export function toCaseRecord(r: Selectable<CasesTable>): CaseRecord {
  return {
    id: toId(r.id),
    accountId: toId(r.account_id),
    currency: r.currency,
    state: toState(r),
    nextActionOn: r.next_action_on as LocalDate | null,
    lastTouchOn: r.last_touch_on as LocalDate | null,
    lastReplyOn: r.last_reply_on as LocalDate | null,
    touchesCount: toId(r.touches_count),
  };
}

function toState(r: Selectable<CasesTable>): CaseState {
  switch (r.state) {
    case 'paused':
      return { kind: 'paused', reason: r.state_reason ?? '', until: r.state_until as LocalDate | null };
    case 'snoozed':
      return { kind: 'snoozed', reason: (r.state_reason ?? 'other') as 'promise' | 'out_of_office' | 'other', until: (r.state_until ?? '9999-12-31') as LocalDate };
    case 'plan':
      return { kind: 'plan' };
    case 'escalated':
      return { kind: 'escalated', owner: r.owner };
    case 'closed':
      return { kind: 'closed' };
    default:
      return { kind: 'active' };
  }
}
