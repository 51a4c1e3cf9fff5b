import type { LedgerWriter } from './ports.ts';

/**
 * Applies newly imported credit notes to the invoices they correct (same currency), up to
 * what both still have open; whatever is left stays on the account as an open credit.
 */
export async function applyCreditNotes(w: LedgerWriter, creditNumbers: readonly string[], actor: string): Promise<void> {
  for (let i = 0; i < creditNumbers.length; i += 500) {
    const slice = creditNumbers.slice(i, i + 500);
    const credits = await w.findInvoices(slice);
    const targets = await w.findInvoices([...credits.values()].map((c) => c.correctsNumber ?? '').filter((n) => n !== ''));
    for (const credit of credits.values()) {
      const target = credit.correctsNumber ? targets.get(credit.correctsNumber) : undefined;
      if (!target || target.kind !== 'invoice' || target.currency !== credit.currency) continue;
      const amount = credit.openMinor < target.openMinor ? credit.openMinor : target.openMinor;
      if (amount <= 0n) continue;
      const targetOpen = target.openMinor - amount;
      const creditOpen = credit.openMinor - amount;
      await w.insertAllocation({ invoiceId: target.id, paymentId: null, creditNoteId: credit.id, amountMinor: amount });
      await w.setOpenAmount(target.id, targetOpen, targetOpen === 0n ? 'paid' : 'open');
      await w.setOpenAmount(credit.id, creditOpen, creditOpen === 0n ? 'applied' : 'open');
      targets.set(target.number, { ...target, openMinor: targetOpen });
      await w.appendAudit([{ actor, entity: 'invoice', entityId: target.number, action: 'credited', detail: { creditNote: credit.number, amountMinor: amount.toString() } }]);
    }
  }
}
