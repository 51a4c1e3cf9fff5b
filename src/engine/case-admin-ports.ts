import type { Segment } from '../core/ledger.ts';
import type { LocalDate } from '../core/local-date.ts';
import type { CaseRecord } from './cadence-ports.ts';
import type { AuditEntry } from './ports.ts';

/** The stored state columns of a case. */
export type CaseStateChange = { readonly state: string; readonly reason: string | null; readonly until: LocalDate | null; readonly owner: string | null };

/** What the case and dispute use-cases need from the store, inside one transaction. */
export interface CaseAdminTx {
  /** The account's id and its cases (one per currency), or null when no such account. */
  account(refOrId: string): Promise<{ id: number; ref: string; cases: CaseRecord[] } | null>;
  invoice(number: string): Promise<{ id: number; accountId: number; currency: string; status: string } | null>;
  setCaseState(caseId: number, change: CaseStateChange): Promise<void>;
  openDispute(invoiceId: number, reason: string, owner: string | null, on: LocalDate): Promise<boolean>;
  resolveDispute(invoiceId: number, on: LocalDate): Promise<boolean>;
  setSegment(accountId: number, segment: Segment, override: Segment | null, why: string): Promise<void>;
  appendAudit(entries: readonly AuditEntry[]): Promise<void>;
  markCasesForPlanning(pairs: readonly { accountId: number; currency: string }[]): Promise<void>;
}

export interface CaseAdminStore {
  transaction<T>(fn: (tx: CaseAdminTx) => Promise<T>): Promise<T>;
}
