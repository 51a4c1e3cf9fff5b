import { DunwiseError, ErrorCode } from '../core/errors.ts';
import type { LocalDate } from '../core/local-date.ts';
import type { CaseAdminStore, CaseAdminTx } from './case-admin-ports.ts';

export type ResolveDisputeInput = { invoiceNumber: string; on: LocalDate; note: string | null; actor: string };

/** Resolves an invoice's open dispute: dunning resumes on its (possibly corrected) open amount. */
export async function resolveDispute(store: CaseAdminStore, input: ResolveDisputeInput): Promise<void> {
  await store.transaction(async (tx) => {
    if (!(await resolveDisputeIn(tx, input))) throw new DunwiseError(ErrorCode.conflict, `Invoice "${input.invoiceNumber}" has no open dispute.`);
  });
}

/** The same inside a transaction another use-case owns; false when the invoice had no open dispute. */
export async function resolveDisputeIn(tx: CaseAdminTx, input: ResolveDisputeInput): Promise<boolean> {
  const invoice = await tx.invoice(input.invoiceNumber);
  if (!invoice) throw new DunwiseError(ErrorCode.notFound, `No invoice "${input.invoiceNumber}".`);
  if (!(await tx.resolveDispute(invoice.id, input.on))) return false;
  await tx.appendAudit([{ actor: input.actor, entity: 'invoice', entityId: input.invoiceNumber, action: 'dispute_resolved', detail: { note: input.note } }]);
  await tx.markCasesForPlanning([{ accountId: invoice.accountId, currency: invoice.currency }]);
  return true;
}
