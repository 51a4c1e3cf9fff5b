// `rejectBankLine`: a queued line that is not a customer's payment is set aside, with a reason.
import { invalid } from '../core/errors.ts';
import { waitingLine } from './cash-apply-line.ts';
import type { CashStore } from './cash-ports.ts';

/**
 * Marks a queued or unmatched line as ignored with the person's reason (it stays visible in the
 * line history); its cash no longer counts as unapplied receivables.
 */
export async function rejectBankLine(store: CashStore, input: { readonly lineId: number; readonly reason: string; readonly actor?: string }): Promise<{ lineId: number; reason: string }> {
  const reason = input.reason.trim();
  if (reason === '') invalid('say why the line is rejected (--reason "...")');
  const actor = input.actor ?? 'cash-review';
  return store.transaction(async (ledger, cash) => {
    const line = await waitingLine(await cash.lineForUpdate(input.lineId), input.lineId, 'rejected');
    await cash.updateLine(line.id, { status: 'ignored', reason, resolvedBy: actor });
    if (line.paymentId !== null) await cash.setPayment(line.paymentId, { unappliedMinor: 0n, reason: 'rejected' });
    await ledger.appendAudit([{ actor, entity: 'bank_line', entityId: String(line.id), action: 'rejected', detail: { reason } }]);
    return { lineId: line.id, reason };
  });
}
