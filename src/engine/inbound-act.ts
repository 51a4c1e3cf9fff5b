import { addDays, type LocalDate } from '../core/local-date.ts';
import type { CaseRecord } from './cadence-ports.ts';
import { disputeReasons, type DisputeReason } from './open-dispute.ts';
import type { InboundStatus, InboundTx, ReadMessage, ReplyIntent } from './inbound-ports.ts';
import { subjectAddress } from './inbound-thread.ts';

/** Days after a promised date before reminders start again. */
export const PROMISE_GRACE_DAYS = 2;
/** Days a claimed payment holds the case while a person checks the bank. */
export const PAYMENT_CLAIM_HOLD_DAYS = 7;

/** One message to act on: its reading, its case (if threaded), and whether a person chose the intent. */
export type ActInput = {
  readonly inboundId: number;
  readonly receivedOn: LocalDate;
  readonly read: ReadMessage;
  readonly target: CaseRecord | null;
  readonly reviewThreshold: number;
  readonly actor: string;
  /** A person decided the intent (reclassify): the confidence threshold does not apply. */
  readonly decidedByPerson: boolean;
};

type Outcome = { status: InboundStatus; action: string };
type Ctx = ActInput & { tx: InboundTx; who: string };

/**
 * What a message makes the engine do. Bounces and complaints act on the address; auto-replies
 * only ever snooze (out of office with a return date); a human reply acts by its intent when
 * the classifier is confident enough, and otherwise waits for a person with its best guess.
 */
export async function actOnMessage(tx: InboundTx, input: ActInput): Promise<Outcome> {
  const c: Ctx = { ...input, tx, who: `reply #${input.inboundId}${input.read.from ? ` from ${input.read.from}` : ''}` };
  const { read, target } = input;
  switch (read.kind) {
    case 'bounce':
      return read.bounce?.hard && read.bounce.recipient ? addressIssue(c, read.bounce.recipient, 'invalid', `hard bounce: ${read.bounce.reason}${read.bounce.status ? ` (${read.bounce.status})` : ''}`) : { status: 'ignored', action: `soft bounce (${read.bounce?.reason ?? 'unknown'}): nothing to do` };
    case 'complaint':
      return read.complaintRecipient ? addressIssue(c, read.complaintRecipient, 'complaint', 'marked our reminder as spam') : { status: 'ignored', action: 'complaint without a recipient' };
    case 'auto_reply': {
      const back = read.intent?.intent === 'out_of_office' ? read.intent.facts.returnDate : undefined;
      if (back === undefined) return { status: 'ignored', action: `auto-reply (${read.machineEvidence ?? 'headers'}): not answered, nothing to do` };
      if (back <= input.receivedOn) return { status: 'ignored', action: `out of office until ${back}, already past: nothing to do` };
      if (!target) return { status: 'unmatched', action: `out of office until ${back}, but no case found` };
      return snooze(c, target, back, 'out_of_office', `out of office until ${back} (auto-reply)`);
    }
    case 'human':
      break;
  }
  if (!target) return { status: 'unmatched', action: 'no case found: waiting in the unmatched queue' };
  await tx.setLastReply(target.id, input.receivedOn);
  const intent = read.intent ?? { intent: 'other' as const, confidence: 0, evidence: [], facts: {}, lang: 'other' };
  if (!input.decidedByPerson && intent.confidence < input.reviewThreshold) {
    return { status: 'needs_review', action: `best guess ${intent.intent} (confidence ${intent.confidence.toFixed(2)}): waiting for a person` };
  }
  return byIntent(c, target, intent.intent);
}

async function byIntent(c: Ctx, target: CaseRecord, intent: ReplyIntent): Promise<Outcome> {
  const facts = c.read.intent?.facts ?? {};
  switch (intent) {
    case 'paid': {
      const until = addDays(c.receivedOn, PAYMENT_CLAIM_HOLD_DAYS);
      const named = await namedInvoices(c, target);
      const what = named.length > 0 ? named.map((i) => i.number).join(', ') : 'the open invoices';
      await setState(c, target, { state: 'paused', reason: 'payment_claimed', until, owner: null }, 'paused', 'paused', `payment claimed for ${what}${facts.paidDate ? ` on ${facts.paidDate}` : ''}${facts.reference ? `, reference ${facts.reference}` : ''}; held until ${until} while it is verified`);
      const id = await task(c, target, 'verify_payment', `Verify payment claimed for ${what}`);
      return { status: 'acted', action: `held until ${until} (payment claimed); task #${id}: verify payment` };
    }
    case 'promise': {
      if (!facts.promiseDate) return { status: 'needs_review', action: 'promise to pay without a date: waiting for a person' };
      const until = addDays(facts.promiseDate, PROMISE_GRACE_DAYS);
      await c.tx.addPromise({ caseId: target.id, inboundId: c.inboundId, promisedOn: facts.promiseDate, graceUntil: until, amount: facts.amount ?? null });
      return snooze(c, target, until, 'promise', `promised to pay on ${facts.promiseDate}${facts.amount ? ` (${facts.amount})` : ''}; ${PROMISE_GRACE_DAYS} days' grace`);
    }
    case 'dispute':
      return dispute(c, target, facts.disputeReason);
    case 'out_of_office':
      if (!facts.returnDate || facts.returnDate <= c.receivedOn) return { status: 'ignored', action: `out of office ${facts.returnDate ? `until ${facts.returnDate}, already past` : 'without a return date'}: nothing to do` };
      return snooze(c, target, facts.returnDate, 'out_of_office', `out of office until ${facts.returnDate}`);
    case 'copy_request': {
      const named = await namedInvoices(c, target);
      const id = await task(c, target, 'resend_documents', `Resend ${named.length > 0 ? named.map((i) => i.number).join(', ') : 'the invoices or a statement'}`);
      return { status: 'acted', action: `task #${id}: resend documents` };
    }
    case 'wrong_contact': {
      const id = await task(c, target, 'change_contact', `Contact change proposed: ${facts.newContactEmail ? `write to ${facts.newContactEmail} instead of ${c.read.from ?? 'the sender'}` : `${c.read.from ?? 'the sender'} says they are the wrong contact`}`);
      return { status: 'acted', action: `task #${id}: proposed contact change${facts.newContactEmail ? ` to ${facts.newContactEmail}` : ''}` };
    }
    case 'plan_request': {
      const id = await task(c, target, 'payment_plan', `Payment plan requested${facts.amount ? ` (${facts.amount})` : ''}${facts.promiseDate ? ` starting ${facts.promiseDate}` : ''}`);
      return { status: 'acted', action: `task #${id}: propose a payment plan` };
    }
    case 'stop': {
      const sender = c.read.from;
      if (!sender) return { status: 'needs_review', action: 'stop request without a sender address' };
      return addressIssue(c, sender, 'opted_out', 'asked to stop receiving e-mail');
    }
    case 'question':
    case 'other': {
      const id = await task(c, target, 'answer_reply', `Answer the reply "${(c.read.subject || '(no subject)').slice(0, 80)}"`);
      return { status: 'acted', action: `task #${id}: answer the ${intent === 'question' ? 'question' : 'reply'}` };
    }
  }
}

async function snooze(c: Ctx, target: CaseRecord, until: LocalDate, reason: 'promise' | 'out_of_office', detail: string): Promise<Outcome> {
  await setState(c, target, { state: 'snoozed', reason, until, owner: null }, 'snoozed', reason === 'promise' ? 'promise' : 'snoozed', `${detail}; snoozed until ${until}`);
  return { status: 'acted', action: `snoozed until ${until} (${reason.replaceAll('_', ' ')})` };
}

async function setState(c: Ctx, target: CaseRecord, change: { state: string; reason: string; until: LocalDate; owner: null }, auditAction: string, decisionReason: string, detail: string): Promise<void> {
  await c.tx.setCaseState(target.id, change);
  await c.tx.appendAudit([{ actor: c.actor, entity: 'case', entityId: String(target.id), action: auditAction, detail: { currency: target.currency, reason: change.reason, until: change.until, inbound: c.inboundId, note: detail } }]);
  await c.tx.insertDecisions([{ runOn: c.receivedOn, caseId: target.id, invoiceId: null, kind: 'hold', stepId: null, reason: decisionReason, detail: `${c.who}: ${detail}`, touchId: null }]);
  await c.tx.markCasesForPlanning([{ accountId: target.accountId, currency: target.currency }]);
}

async function dispute(c: Ctx, target: CaseRecord, why: string | undefined): Promise<Outcome> {
  const reason: DisputeReason = disputeReasons.find((r) => r === why) ?? 'other';
  const named = await namedInvoices(c, target);
  const invoices = named.length > 0 ? named : await c.tx.openInvoices(target.id);
  const opened: string[] = [];
  for (const i of invoices) {
    if (!(await c.tx.openDispute(i.id, reason, null, c.receivedOn))) continue;
    opened.push(i.number);
    await c.tx.appendAudit([{ actor: c.actor, entity: 'invoice', entityId: i.number, action: 'dispute_opened', detail: { reason, owner: null, inbound: c.inboundId } }]);
    await c.tx.insertDecisions([{ runOn: c.receivedOn, caseId: target.id, invoiceId: i.id, kind: 'hold', stepId: null, reason: 'disputed', detail: `${c.who}: dispute opened (${reason.replaceAll('_', ' ')})`, touchId: null }]);
  }
  await c.tx.markCasesForPlanning([{ accountId: target.accountId, currency: target.currency }]);
  if (opened.length === 0) return { status: 'acted', action: `dispute (${reason}): already open on ${invoices.map((i) => i.number).join(', ') || 'no open invoice'}` };
  return { status: 'acted', action: `dispute opened (${reason}) on ${opened.join(', ')}` };
}

async function addressIssue(c: Ctx, email: string, issue: 'invalid' | 'opted_out' | 'complaint', reason: string): Promise<Outcome> {
  const address = email.toLowerCase();
  const contactId = await c.tx.contactIdByEmail(address);
  const fresh = await c.tx.addContactIssue({ email: address, contactId, issue, reason, inboundId: c.inboundId });
  if (!fresh) return { status: 'acted', action: `${address} already marked ${issue.replaceAll('_', ' ')}` };
  const what = issue === 'invalid' ? 'marked invalid' : 'opted out of e-mail';
  await c.tx.appendAudit([{ actor: c.actor, entity: 'contact', entityId: address, action: issue === 'invalid' ? 'email_invalid' : 'email_opted_out', detail: { reason, inbound: c.inboundId, contact: contactId } }]);
  const id = await task(c, c.target, issue === 'invalid' ? 'data_quality' : 'contact_opted_out', `${address} ${what} (${reason}): find another way to reach the customer`);
  return { status: 'acted', action: `${address} ${what}; task #${id}` };
}

async function task(c: Ctx, target: CaseRecord | null, kind: string, title: string): Promise<number> {
  const about = subjectAddress(c.read);
  const detail = `${c.who}, received ${c.receivedOn}${about && about !== c.read.from ? ` about ${about}` : ''}: ${c.read.subject || '(no subject)'}`;
  const id = await c.tx.addTask({ kind, accountId: target?.accountId ?? null, title, detail });
  await c.tx.appendAudit([{ actor: c.actor, entity: 'task', entityId: String(id), action: 'task_created', detail: { kind, title, inbound: c.inboundId } }]);
  return id;
}

/** The case's open invoices the reply names by number: in its text (or reference) first, else in the subject. */
async function namedInvoices(c: Ctx, target: CaseRecord): Promise<{ id: number; number: string }[]> {
  const open = await c.tx.openInvoices(target.id);
  const named = (text: string) => open.filter((i) => new RegExp(`(?<![\\w-])${i.number.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w-])`).test(text.toLowerCase()));
  const inText = named(`${c.read.text}\n${c.read.intent?.facts.reference ?? ''}`);
  return inText.length > 0 ? inText : named(c.read.subject);
}
