import type { Generated } from 'kysely';
import type { BankLinesTable, PayerLinksTable } from './migrations/0003-cash.ts';
import type { ContactIssuesTable, InboundMessagesTable, PromisesTable } from './migrations/0004-inbound.ts';
import type { CardAttemptsTable, CardFailuresTable, OutboundEventsTable, StripeEventsTable, StripeLinksTable } from './migrations/0005-card-retries.ts';

/**
 * Table shapes as the database sees them (snake_case). Integers arrive as number (SQLite,
 * int4) or string (PostgreSQL int8); repositories convert them to domain types.
 * Dates are 'YYYY-MM-DD' text and instants ISO-8601 text on both stores.
 */
type Int = number | string | bigint;

export interface AccountsTable {
  id: Generated<number>;
  ref: string;
  name: string;
  currency: string;
  locale: string;
  time_zone: string;
  country: string;
  segment: string;
  owner: string | null;
  created_at: string;
  segment_override: string | null;
  segment_why: string | null;
}

export interface ContactsTable {
  id: Generated<number>;
  account_id: number;
  name: string | null;
  role: string;
  email: string | null;
  phone: string | null;
  language: string;
  time_zone: string | null;
}

export interface InvoicesTable {
  id: Generated<number>;
  account_id: number;
  number: string;
  kind: string;
  currency: string;
  total_minor: Int;
  open_minor: Int;
  issue_date: string;
  due_date: string;
  due_date_source: string;
  payment_reference: string | null;
  po_number: string | null;
  terms: string | null;
  corrects_number: string | null;
  status: string;
  content_hash: string;
  source: string;
  import_id: number | null;
  created_at: string;
  updated_at: string;
}

export interface InstalmentsTable {
  invoice_id: number;
  seq: number;
  due_date: string;
  amount_minor: Int;
}

export interface PaymentsTable {
  id: Generated<number>;
  ref: string;
  account_id: number | null;
  currency: string;
  amount_minor: Int;
  unapplied_minor: Int;
  unapplied_reason: string | null;
  received_on: string;
  reference: string | null;
  invoice_number: string | null;
  content_hash: string;
  source: string;
  created_at: string;
}

export interface AllocationsTable {
  id: Generated<number>;
  invoice_id: number;
  payment_id: number | null;
  credit_note_id: number | null;
  amount_minor: Int;
  created_at: string;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor: string;
  entity: string;
  entity_id: string;
  action: string;
  detail: string;
}

export interface ImportsTable {
  id: Generated<number>;
  kind: string;
  file: string;
  file_hash: string;
  status: string;
  records: number;
  problems: number;
  started_at: string;
  finished_at: string | null;
}

export interface CasesTable {
  id: Generated<number>;
  account_id: number;
  currency: string;
  state: string;
  state_reason: string | null;
  state_until: string | null;
  owner: string | null;
  next_action_on: string | null;
  last_touch_on: string | null;
  last_reply_on: string | null;
  touches_count: number;
  created_at: string;
  updated_at: string;
}

export interface TouchesTable {
  id: Generated<number>;
  case_id: number;
  step_id: string;
  policy_id: string;
  planned_on: string;
  channels: string;
  tone: string;
  template: string;
  action: string;
  status: string;
  status_reason: string | null;
  idempotency_key: string;
  provider_message_id: string | null;
  attempts: Generated<number>;
  next_attempt_at: string | null;
  sending_started_at: string | null;
  override_subject: string | null;
  override_text: string | null;
  reviewed_by: string | null;
  created_at: string;
  updated_at: string;
  /** JSON: the touch's lines, `[[invoice id, step id, reason, detail, passed over], ...]`; read through the `touch_invoices` view. */
  lines: Generated<string>;
}

export interface DeliveriesTable {
  touch_id: number;
  channel: string;
  status: string;
  provider_id: string | null;
  detail: string | null;
  at: string;
}

export interface TasksTable {
  id: Generated<number>;
  kind: string;
  account_id: number | null;
  touch_id: number | null;
  title: string;
  detail: string;
  status: string;
  created_at: string;
}

/** A view (migrations 0009, 0010): one row per line of `touches.lines`, in any of its forms. Read only. */
export interface TouchInvoicesTable {
  touch_id: number;
  case_id: number;
  invoice_id: number;
  step_id: string;
  /** The run's decision for this line (see store/decision-rows.ts); null for lines no run planned. */
  reason: string | null;
  /** Null on a line that keeps only the day its step fell due (`fell_due_on`): its words are rendered on reading. */
  detail: string | null;
  fell_due_on: string | null;
  /**
   * JSON: the steps this touch passed over for the invoice (superseded): `[stepId, days from planned_on, ...]` (migration 0010),
   * `{"fellDue": [[stepId, day], ...]}` or, written before 0009, `[[stepId, detail], ...]`.
   */
  passed_over: string | null;
}

export interface DecisionsTable {
  id: Generated<number>;
  run_on: string;
  case_id: number;
  invoice_id: number | null;
  kind: string;
  step_id: string | null;
  reason: string;
  detail: string;
  touch_id: number | null;
}

export interface DisputesTable {
  id: Generated<number>;
  invoice_id: number;
  reason: string;
  owner: string | null;
  status: string;
  opened_on: string;
  resolved_on: string | null;
}

export interface Database {
  accounts: AccountsTable;
  contacts: ContactsTable;
  invoices: InvoicesTable;
  instalments: InstalmentsTable;
  payments: PaymentsTable;
  allocations: AllocationsTable;
  audit_log: AuditLogTable;
  imports: ImportsTable;
  cases: CasesTable;
  touches: TouchesTable;
  touch_invoices: TouchInvoicesTable;
  decisions: DecisionsTable;
  disputes: DisputesTable;
  deliveries: DeliveriesTable;
  tasks: TasksTable;
  bank_lines: BankLinesTable; payer_links: PayerLinksTable;
  inbound_messages: InboundMessagesTable; promises: PromisesTable; contact_issues: ContactIssuesTable;
  stripe_events: StripeEventsTable; stripe_links: StripeLinksTable; card_failures: CardFailuresTable; card_attempts: CardAttemptsTable; outbound_events: OutboundEventsTable;
}
