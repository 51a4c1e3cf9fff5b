import type { PaymentRecord } from '../core/ledger.ts';
import { maxMinor } from '../core/money.ts';
import { fingerprint } from './fingerprint.ts';
import { ImportProblems, type ImportItem, type ImportReport } from './import-report.ts';
import type { LedgerStore, LedgerWriter } from './ports.ts';

export type ImportPaymentsInput = {
  readonly file: string;
  readonly fileHash: string;
  readonly items: AsyncIterable<ImportItem<PaymentRecord>> | Iterable<ImportItem<PaymentRecord>>;
  readonly actor?: string;
};

/** Why received cash was not (fully) applied; it waits in the unapplied queue with this. */
export const UnappliedReason = {
  noInvoiceNumber: 'no_invoice_number',
  invoiceNotFound: 'invoice_not_found',
  currencyMismatch: 'currency_mismatch',
  invoiceNotOpen: 'invoice_not_open',
  overpayment: 'overpayment',
} as const;
export type UnappliedReason = (typeof UnappliedReason)[keyof typeof UnappliedReason];

class Rejected extends Error {}

/**
 * Imports received payments from one file, atomically, applying each to the invoice it names
 * (same currency, up to its open amount). Cash that cannot be applied is kept, unapplied, with
 * a reason: nothing is lost. A payment already imported (same reference) is not applied again.
 */
export async function importPayments(store: LedgerStore, input: ImportPaymentsInput): Promise<ImportReport> {
  const problems = new ImportProblems();
  const counts = { records: 0, inserted: 0, updated: 0, unchanged: 0 };
  const actor = input.actor ?? 'import';
  try {
    await store.transaction(async (w) => {
      const importId = await w.startImport({ kind: 'payments', file: input.file, fileHash: input.fileHash });
      const seen = new Map<string, string>();
      for await (const item of input.items) {
        if (item.kind === 'problem') {
          problems.add(item.problem);
          continue;
        }
        counts.records += 1;
        const p = item.record;
        const hash = item.fingerprint ?? fingerprint(p);
        if (p.amountMinor <= 0n || p.amountMinor > maxMinor) {
          problems.add({ file: input.file, where: item.where, field: 'amount', reason: 'a received payment must be a positive amount within range' });
          continue;
        }
        const earlier = seen.get(p.ref);
        if (earlier !== undefined) {
          if (earlier !== hash) problems.add({ file: input.file, where: item.where, field: 'ref', reason: `payment ${p.ref} appears twice in this file with different content` });
          continue;
        }
        seen.set(p.ref, hash);
        if (problems.count > 0) continue;
        const existing = (await w.findPayments([p.ref])).get(p.ref);
        if (existing) {
          if (existing.contentHash !== hash) {
            problems.add({ file: input.file, where: item.where, field: 'ref', reason: `payment ${p.ref} was imported before with different content; payments are never changed, record a correction instead` });
          } else {
            counts.unchanged += 1;
          }
          continue;
        }
        await applyPayment(w, p, hash, input.file, actor);
        counts.inserted += 1;
      }
      if (problems.count > 0) throw new Rejected();
      await w.finishImport(importId, 'imported', counts.records, 0);
    });
  } catch (error) {
    if (!(error instanceof Rejected)) throw error;
    await store.recordRejectedImport({ kind: 'payments', file: input.file, fileHash: input.fileHash, records: counts.records, problems: problems.count });
    return { file: input.file, status: 'rejected', records: counts.records, inserted: 0, updated: 0, unchanged: 0, problems: problems.list(), problemCount: problems.count };
  }
  return { file: input.file, status: 'imported', ...counts, problems: [], problemCount: 0 };
}

async function applyPayment(w: LedgerWriter, p: PaymentRecord, hash: string, file: string, actor: string): Promise<void> {
  const invoice = p.invoiceNumber ? (await w.findInvoices([p.invoiceNumber])).get(p.invoiceNumber) : undefined;
  let applied = 0n;
  let reason: UnappliedReason | null = null;
  if (!p.invoiceNumber) reason = UnappliedReason.noInvoiceNumber;
  else if (!invoice || invoice.kind !== 'invoice') reason = UnappliedReason.invoiceNotFound;
  else if (invoice.currency !== p.currency) reason = UnappliedReason.currencyMismatch;
  else if (invoice.openMinor <= 0n) reason = UnappliedReason.invoiceNotOpen;
  else {
    applied = p.amountMinor < invoice.openMinor ? p.amountMinor : invoice.openMinor;
    if (applied < p.amountMinor) reason = UnappliedReason.overpayment;
  }
  const paymentId = await w.insertPayment({
    ref: p.ref,
    accountId: invoice?.accountId ?? null,
    currency: p.currency,
    amountMinor: p.amountMinor,
    unappliedMinor: p.amountMinor - applied,
    unappliedReason: reason,
    receivedOn: p.receivedOn,
    reference: p.reference,
    invoiceNumber: p.invoiceNumber,
    contentHash: hash,
    source: file,
  });
  if (invoice && applied > 0n) {
    const open = invoice.openMinor - applied;
    await w.insertAllocation({ invoiceId: invoice.id, paymentId, creditNoteId: null, amountMinor: applied });
    await w.setOpenAmount(invoice.id, open, open === 0n ? 'paid' : 'open');
    await w.markCasesForPlanning([{ accountId: invoice.accountId, currency: invoice.currency }]);
    await w.appendAudit([{ actor, entity: 'invoice', entityId: invoice.number, action: open === 0n ? 'paid' : 'part_paid', detail: { payment: p.ref, amountMinor: applied.toString(), openMinor: open.toString() } }]);
  }
}
