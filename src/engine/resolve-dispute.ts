import { DunwiseError, ErrorCode } from '../core/errors.ts';
import type { LocalDate } from '../core/local-date.ts';
import type { CaseAdminStore } from './case-admin-ports.ts';

/** Resolves an invoice's open dispute: dunning resumes on its (possibly corrected) open amount. */
export async function resolveDispute(store: CaseAdminStore, input: { invoiceNumber: string; on: LocalDate; note: string | null; actor: string }): Promise<void> {
  await store.transaction(async (tx) => {
    const invoice = await tx.invoice(input.invoiceNumber);
    if (!invoice) throw new DunwiseError(ErrorCode.notFound, `No invoice "${input.invoiceNumber}".`);
    if (!(await tx.resolveDispute(invoice.id, input.on))) throw new DunwiseError(ErrorCode.conflict, `Invoice "${input.invoiceNumber}" has no open dispute.`);
    await tx.appendAudit([{ actor: input.actor, entity: 'invoice', entityId: input.invoiceNumber, action: 'dispute_resolved', detail: { note: input.note } }]);
    await tx.markCasesForPlanning([{ accountId: invoice.accountId, currency: invoice.currency }]);
  });
}
