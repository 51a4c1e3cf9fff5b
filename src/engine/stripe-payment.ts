// A Stripe payment (charge.succeeded, invoice.paid): the cash goes on the invoice it names
// through the same path as a bank line (payment, bank line, allocations, case marked), or
// waits in the cash queue. A failed card payment it settles is recovered.
import { buildCandidateIndex } from '../core/matching/candidate-index.ts';
import { payerNameKey } from '../core/matching/payer-name.ts';
import { defaultMatchSettings } from '../core/matching/settings.ts';
import { maxMinor } from '../core/money.ts';
import { markRecovered } from './card-recovered.ts';
import type { Part } from './cash-apply.ts';
import { decideCredit, type CreditDecision, type MatchState } from './cash-decide-credit.ts';
import type { StatementLine } from './cash-ports.ts';
import { writeCredit, type FileContext } from './cash-statement-lines.ts';
import type { PaymentEvent } from './payment-events.ts';
import { learnLinks, linkEvent, type EventLink } from './stripe-link.ts';
import type { StripeContext, StripeOutcome, StripeTx } from './stripe-ports.ts';

/**
 * Applies a succeeded payment once: a second event about the same charge or Stripe invoice
 * (charge.succeeded and invoice.paid both arrive for one payment) is ignored. An invoice the
 * event names is paid without matching (Stripe's own link); with only a linked customer, the
 * matching core decides among that account's open invoices; otherwise the cash is queued.
 */
export async function applyStripePayment(tx: StripeTx, e: PaymentEvent, ctx: StripeContext): Promise<StripeOutcome> {
  const earlier = await tx.stripe.paymentLine(e.chargeId, e.invoiceId);
  if (earlier !== null) return { status: 'ignored', reason: 'same_payment', detail: { bankLine: earlier.id, entryId: earlier.entryId }, bankLineId: earlier.id };
  if (e.amount === 0n) return { status: 'ignored', reason: 'zero_amount', detail: {} }; // a free or fully credited Stripe invoice: no cash
  if (e.amount < 0n || e.amount > maxMinor) return { status: 'queued', reason: 'amount_out_of_range', detail: { amountMinor: e.amount.toString() } };
  const link = await linkEvent(tx, e);
  const line = statementLineOf(e);
  const state = await matchState(tx, link, line);
  const decision = namedDecision(e, link) ?? (link.accountId === null ? { kind: 'unmatched', reason: 'stripe_unlinked' } : decideCredit(line, state));
  const importId = await tx.ledger.startImport({ kind: 'stripe', file: `stripe:${e.eventId}`, fileHash: e.eventId });
  const file: FileContext = { ledger: tx.ledger, cash: tx.cash, importId, file: 'stripe', fileHash: e.eventId, today: ctx.today, actor: ctx.actor, state, deferred: { cases: [], links: [] } };
  const { outcome, lineId } = await writeCredit(file, 'stripe', line, decision);
  await tx.ledger.markCasesForPlanning(file.deferred.cases);
  await tx.cash.learnPayers(file.deferred.links);
  await tx.ledger.finishImport(importId, 'imported', 1, 0);
  if (decision.kind !== 'auto' || outcome !== 'applied') {
    return { status: 'queued', reason: decision.kind === 'auto' ? 'queued' : decision.reason, detail: { bankLine: lineId, via: link.via, next: `dunwise cash queue; dunwise cash apply ${lineId} --invoice <number>` }, bankLineId: lineId };
  }
  const invoices = decision.parts.map((p) => ({ number: p.invoice.number, amountMinor: p.amountMinor.toString() }));
  await learnLinks(tx, e, decision.accountId, decision.parts.length === 1 ? (decision.parts[0]?.invoice.id ?? null) : null);
  const recovered = await recoverFailure(tx, e);
  return { status: 'applied', reason: 'paid', detail: { bankLine: lineId, via: link.via, invoices, currency: e.currency, ...(recovered === null ? {} : { cardFailure: recovered }) }, bankLineId: lineId, cardFailureId: recovered };
}

/** The payment as a statement line: its charge as end-to-end id, its Stripe invoice as bank reference. */
function statementLineOf(e: PaymentEvent): StatementLine {
  const remittance = [e.description, ...e.references].filter((t): t is string => t !== null && t !== '').join(' ');
  return {
    entryId: `stripe:${e.eventId}`,
    bookingDate: e.created,
    valueDate: e.created,
    amount: e.amount,
    currency: e.currency,
    counterpartyName: e.customerName,
    counterpartyIban: null,
    reference: e.invoiceNumber ?? e.references[0] ?? null,
    remittance: remittance === '' ? null : remittance,
    endToEndId: e.chargeId ?? e.paymentIntentId,
    bankReference: e.invoiceId,
  };
}

/** The matching state for a linked customer: that account's open invoices, the customer counted as a known payer. */
async function matchState(tx: StripeTx, link: EventLink, line: StatementLine): Promise<MatchState> {
  const candidates = link.via === 'customer' && link.accountId !== null ? await tx.stripe.openInvoicesOf(link.accountId, line.currency) : [];
  const names = new Map<string, number>();
  if (link.via === 'customer' && link.accountId !== null) {
    const payer = line.counterpartyName ?? (await tx.stripe.accountName(link.accountId)) ?? '';
    if (payer !== '') names.set(payerNameKey(payer), link.accountId);
  }
  return { index: buildCandidateIndex(candidates), byId: new Map(candidates.map((i) => [i.id, i])), opens: new Map(), knowledge: { ibans: new Map(), names }, settings: defaultMatchSettings };
}

/** An invoice named by Stripe is paid without matching, up to its open amount; the rest stays unapplied. */
function namedDecision(e: PaymentEvent, link: EventLink): CreditDecision | null {
  if (link.via !== 'invoice_number' && link.via !== 'stripe_invoice') return null;
  const open = link.invoices.filter((i) => i.kind === 'invoice' && i.status === 'open' && i.openMinor > 0n);
  if (open.length === 0) return { kind: 'queued', reason: link.invoices.length > 0 ? 'invoice_already_paid' : 'currency_mismatch', proposals: [] };
  let left = e.amount;
  const parts: Part[] = [];
  for (const inv of open) {
    if (left <= 0n) break;
    const amountMinor = inv.openMinor < left ? inv.openMinor : left;
    parts.push({ invoice: inv, amountMinor });
    left -= amountMinor;
  }
  const numbers = parts.map((p) => p.invoice.number).join(', ');
  const source = e.invoiceNumber !== null ? `Stripe invoice ${e.invoiceNumber}` : link.via === 'stripe_invoice' ? `Stripe invoice ${e.invoiceId ?? ''}, linked before` : 'the payment\u2019s metadata';
  return {
    kind: 'auto',
    parts,
    accountId: open[0]?.accountId ?? 0,
    shortMinor: 0n,
    remainderMinor: left,
    score: 1,
    signals: [{ kind: 'invoice_number', weight: 1, text: `${source} is invoice ${numbers}` }],
  };
}

/** A payment for a failed card payment ends its retries; the billing system is told. */
async function recoverFailure(tx: StripeTx, e: PaymentEvent): Promise<number | null> {
  const failure = await tx.cards.findFailure({ stripeInvoiceId: e.invoiceId, paymentIntentId: e.paymentIntentId, chargeId: null });
  if (failure === null || failure.status === 'recovered') return null;
  await markRecovered(tx.cards, failure, e.created, `paid: ${e.type} ${e.eventId}`);
  return failure.id;
}
