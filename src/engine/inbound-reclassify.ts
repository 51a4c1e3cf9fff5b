import { DunwiseError, ErrorCode } from '../core/errors.ts';
import type { LocalDate } from '../core/local-date.ts';
import { actOnMessage } from './inbound-act.ts';
import type { InboundStatus, InboundStore, ReadMessage, ReplyFacts, ReplyIntent, ThreadedBy } from './inbound-ports.ts';

/** A person's verdict on a message: the intent, and the date it names (promise, return), if any. */
export type Reclassification = { readonly id: number; readonly intent: ReplyIntent; readonly date: LocalDate | null; readonly caseId: number | null; readonly actor: string };

/**
 * Applies the action of the intent a person chose for a stored message (from the review or
 * unmatched queue, or to correct the classifier). `caseId` threads an unmatched message by hand.
 */
export async function reclassifyMessage(store: InboundStore, input: Reclassification): Promise<{ status: InboundStatus; action: string; caseId: number }> {
  return store.transaction(async (tx) => {
    const m = await tx.message(input.id);
    if (!m) throw new DunwiseError(ErrorCode.notFound, `No inbound message #${input.id}.`);
    const caseId = input.caseId ?? m.caseId;
    if (caseId === null) throw new DunwiseError(ErrorCode.invalidInput, `Message #${input.id} is not threaded to a case: give --case <id> (the case of the customer who wrote).`);
    const target = await tx.caseById(caseId);
    if (!target) throw new DunwiseError(ErrorCode.notFound, `No case #${caseId}.`);
    const facts: ReplyFacts = { ...m.facts };
    if (input.date !== null) {
      if (input.intent === 'out_of_office') facts.returnDate = input.date;
      else if (input.intent === 'paid') facts.paidDate = input.date;
      else facts.promiseDate = input.date;
    }
    if ((input.intent === 'promise' || input.intent === 'out_of_office') && input.date === null && facts.promiseDate === undefined && facts.returnDate === undefined) {
      throw new DunwiseError(ErrorCode.invalidInput, `${input.intent === 'promise' ? 'A promise' : 'An out-of-office'} needs a date: add --date YYYY-MM-DD.`);
    }
    const read: ReadMessage = {
      kind: 'human', messageId: m.messageId, inReplyTo: null, references: [], from: m.from, to: [], subject: m.subject ?? '', text: m.text ?? '',
      bounce: null, complaintRecipient: null, machineEvidence: null,
      intent: { intent: input.intent, confidence: 1, evidence: [`chosen by ${input.actor}`, ...m.evidence], facts, lang: m.language ?? 'other' },
    };
    const outcome = await actOnMessage(tx, { inboundId: m.id, receivedOn: m.receivedOn, read, target, reviewThreshold: 0, actor: input.actor, decidedByPerson: true });
    const threadedBy: ThreadedBy = input.caseId !== null && input.caseId !== m.caseId ? 'manual' : (m.threadedBy ?? 'manual');
    await tx.saveOutcome(m.id, { read, caseId, threadedBy, status: outcome.status, action: outcome.action });
    await tx.appendAudit([{ actor: input.actor, entity: 'inbound', entityId: String(m.id), action: 'reclassified', detail: { from: m.intent, to: input.intent, date: input.date, caseId } }]);
    return { ...outcome, caseId };
  });
}
