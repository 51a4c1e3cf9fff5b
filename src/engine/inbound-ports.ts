import type { LocalDate } from '../core/local-date.ts';
import type { CaseRecord, DecisionRow } from './cadence-ports.ts';
import type { CaseAdminTx } from './case-admin-ports.ts';

/** What an inbound message is; a complaint is an ARF spam report about our mail. */
export type InboundKind = 'human' | 'auto_reply' | 'bounce' | 'complaint';

/** What a reply asks of us (the same set the inbound classifier decides between). */
export const replyIntents = ['paid', 'promise', 'dispute', 'copy_request', 'wrong_contact', 'out_of_office', 'plan_request', 'stop', 'question', 'other'] as const;
export type ReplyIntent = (typeof replyIntents)[number];

/** Facts read from a reply; only those found are present. */
export type ReplyFacts = {
  promiseDate?: LocalDate;
  amount?: string;
  returnDate?: LocalDate;
  newContactEmail?: string;
  paidDate?: LocalDate;
  reference?: string;
  disputeReason?: string;
};

/** A message as the reading adapter understood it (MIME parsing and classification happen outside the engine). */
export type ReadMessage = {
  readonly kind: InboundKind;
  readonly messageId: string | null;
  readonly inReplyTo: string | null;
  readonly references: readonly string[];
  readonly from: string | null;
  /** Every address the message was delivered to: To, Cc, Delivered-To, X-Original-To. */
  readonly to: readonly string[];
  readonly subject: string;
  /** The new text of a reply (quotes and signature removed). */
  readonly text: string;
  readonly bounce: { readonly hard: boolean; readonly recipient: string | null; readonly reason: string; readonly status: string | null } | null;
  /** For a complaint: the address the report is about. */
  readonly complaintRecipient: string | null;
  /** Why the message is taken for an auto-reply, bounce or complaint. */
  readonly machineEvidence: string | null;
  /** The intent of a human reply or an auto-reply; null for bounces and complaints. */
  readonly intent: { readonly intent: ReplyIntent; readonly confidence: number; readonly evidence: readonly string[]; readonly facts: ReplyFacts; readonly lang: string } | null;
};

/** Reads raw MIME: the Message-ID header (cheap, before storing), and the full reading. */
export type MessageReader = {
  readonly messageId: (raw: Buffer) => string | null;
  readonly read: (raw: Buffer, receivedOn: LocalDate) => Promise<ReadMessage>;
};

/** How a message found its case. */
export type ThreadedBy = 'reply_address' | 'in_reply_to' | 'sender' | 'manual' | 'none';

/** Where a processed message ended up. */
export type InboundStatus = 'received' | 'acted' | 'needs_review' | 'unmatched' | 'ignored';

/** A stored inbound message with its reading and outcome. */
export type StoredInbound = {
  readonly id: number;
  readonly messageId: string;
  readonly receivedAt: string;
  readonly receivedOn: LocalDate;
  readonly source: string;
  readonly from: string | null;
  readonly subject: string | null;
  readonly text: string | null;
  readonly kind: InboundKind | null;
  readonly intent: ReplyIntent | null;
  readonly confidence: number | null;
  readonly facts: ReplyFacts;
  readonly evidence: readonly string[];
  readonly language: string | null;
  readonly bounce: ReadMessage['bounce'];
  readonly caseId: number | null;
  readonly accountRef: string | null;
  readonly threadedBy: ThreadedBy | null;
  readonly status: InboundStatus;
  readonly action: string | null;
};

/** The reading and outcome saved on a message row. */
export type InboundOutcome = {
  readonly read: ReadMessage;
  readonly caseId: number | null;
  readonly threadedBy: ThreadedBy;
  readonly status: InboundStatus;
  readonly action: string;
};

/** What the inbound use-cases need inside one transaction; the case-admin calls are shared. */
export interface InboundTx extends Pick<CaseAdminTx, 'setCaseState' | 'openDispute' | 'appendAudit' | 'markCasesForPlanning'> {
  caseById(caseId: number): Promise<CaseRecord | null>;
  /** The case of the reminder whose Message-ID is one of `ids` (ours, as sent or as messageIdFor makes them). */
  caseByMessageIds(ids: readonly string[]): Promise<CaseRecord | null>;
  /** The case of the account a contact with this e-mail belongs to (the one with open invoices first). */
  caseByEmail(email: string): Promise<CaseRecord | null>;
  openInvoices(caseId: number): Promise<{ id: number; number: string }[]>;
  contactIdByEmail(email: string): Promise<number | null>;
  insertDecisions(rows: readonly DecisionRow[]): Promise<void>;
  addTask(task: { kind: string; accountId: number | null; title: string; detail: string }): Promise<number>;
  addPromise(p: { caseId: number; inboundId: number; promisedOn: LocalDate; graceUntil: LocalDate; amount: string | null }): Promise<void>;
  /** Records an address problem once; false when the same open issue is already there. */
  addContactIssue(i: { email: string; contactId: number | null; issue: 'invalid' | 'opted_out' | 'complaint'; reason: string; inboundId: number }): Promise<boolean>;
  setLastReply(caseId: number, on: LocalDate): Promise<void>;
  saveOutcome(inboundId: number, outcome: InboundOutcome): Promise<void>;
  message(inboundId: number): Promise<StoredInbound | null>;
}

/** The inbound store, as the engine sees it. */
export interface InboundStore {
  /** Stores the raw bytes in their own commit; `fresh` is false when the Message-ID was already there. */
  saveRaw(row: { messageId: string; raw: Buffer; receivedAt: string; receivedOn: LocalDate; source: string; envelopeTo: readonly string[] }): Promise<{ id: number; fresh: boolean; status: InboundStatus }>;
  transaction<T>(fn: (tx: InboundTx) => Promise<T>): Promise<T>;
  list(filter: { status: InboundStatus | null; limit: number }): Promise<StoredInbound[]>;
  message(inboundId: number): Promise<StoredInbound | null>;
  raw(inboundId: number): Promise<Buffer | null>;
}
