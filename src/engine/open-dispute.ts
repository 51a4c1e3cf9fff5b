import { DunwiseError, ErrorCode } from '../core/errors.ts';
import type { LocalDate } from '../core/local-date.ts';
import type { CaseAdminStore, CaseAdminTx } from './case-admin-ports.ts';

/** Why a customer disputes an invoice; `chargeback` when they disputed the card payment with their bank. */
export const disputeReasons = ['price', 'quantity_or_delivery', 'quality', 'not_ordered', 'duplicate', 'chargeback', 'other'] as const;
export type DisputeReason = (typeof disputeReasons)[number];

export type OpenDisputeInput = { invoiceNumber: string; reason: DisputeReason; owner: string | null; on: LocalDate; actor: string; detail?: Readonly<Record<string, unknown>> };

/** Opens a dispute on an invoice: from now on it is never dunned, until the dispute is resolved. */
export async function openDispute(store: CaseAdminStore, input: OpenDisputeInput): Promise<'opened' | 'already_open'> {
  return store.transaction((tx) => openDisputeIn(tx, input));
}

/** The same inside a transaction another use-case owns (a chargeback arriving from Stripe). */
export async function openDisputeIn(tx: CaseAdminTx, input: OpenDisputeInput): Promise<'opened' | 'already_open'> {
  const invoice = await tx.invoice(input.invoiceNumber);
  if (!invoice) throw new DunwiseError(ErrorCode.notFound, `No invoice "${input.invoiceNumber}".`);
  const opened = await tx.openDispute(invoice.id, input.reason, input.owner, input.on);
  if (!opened) return 'already_open';
  await tx.appendAudit([{ actor: input.actor, entity: 'invoice', entityId: input.invoiceNumber, action: 'dispute_opened', detail: { reason: input.reason, owner: input.owner, ...input.detail } }]);
  await tx.markCasesForPlanning([{ accountId: invoice.accountId, currency: invoice.currency }]);
  return 'opened';
}
