// `linkStripeCustomer`: a person says which account a Stripe customer is.
import { DunwiseError, ErrorCode, invalid } from '../core/errors.ts';
import { applyQueued } from './stripe-apply-event.ts';
import type { StripeContext, StripeStore } from './stripe-ports.ts';

/**
 * Links the customer to the account (replacing a learned link), gives the customer's unlinked
 * card failures their account, and applies queued events again. The customer's later payments
 * are matched among the account's invoices; one already in the cash queue stays there for a
 * person (`dunwise cash apply`).
 */
export async function linkStripeCustomer(store: StripeStore, input: { readonly customerId: string; readonly accountRef: string; readonly ctx: StripeContext }): Promise<{ accountId: number; failures: number; applied: number }> {
  if (!/^cus_[A-Za-z0-9]+$/.test(input.customerId)) invalid(`"${input.customerId}" is not a Stripe customer id (cus_...)`);
  return store.transaction(async (tx) => {
    const account = await tx.admin.account(input.accountRef);
    if (account === null) throw new DunwiseError(ErrorCode.notFound, `No account "${input.accountRef}".`);
    await tx.stripe.link({ kind: 'customer', stripeId: input.customerId, accountId: account.id, invoiceId: null, source: 'manual' });
    const failures = await tx.cards.unlinkedOfCustomer(input.customerId);
    for (const f of failures) await tx.cards.updateFailure(f.id, { accountId: account.id });
    await tx.ledger.appendAudit([{ actor: input.ctx.actor, entity: 'account', entityId: account.ref, action: 'stripe_customer_linked', detail: { customer: input.customerId, failures: failures.map((f) => f.id) } }]);
    const applied = await applyQueued(tx, null, input.ctx);
    return { accountId: account.id, failures: failures.length, applied: applied.length };
  });
}
