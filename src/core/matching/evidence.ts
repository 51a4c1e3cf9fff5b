// Per-invoice and per-account evidence: is the invoice named, and is the payer the customer?
import { invoiceNumberKeys, isOneTypo } from './invoice-number.ts';
import { compactReference, type LineEvidence } from './line-evidence.ts';
import { formSimilarity, nameForm } from './payer-name.ts';
import type { MatchSettings } from './settings.ts';
import type { BankLine, OpenInvoice, PayerKnowledge, Signal } from './types.ts';

/**
 * The strongest way the line names this invoice, or null when it does not. `typoWindows` are
 * the windows that may be mistyped numbers: those naming another invoice exactly are not.
 */
export function identification(
  inv: OpenInvoice,
  ev: LineEvidence,
  typoWindows: ReadonlySet<string>,
  settings: MatchSettings,
): Signal | null {
  const w = settings.weights;
  if (inv.paymentReference !== null) {
    const ref = compactReference(inv.paymentReference);
    if (ref.length >= 4 && ev.references.has(ref)) {
      return { kind: 'reference', weight: w.reference, text: `the payment carries reference ${inv.paymentReference}, issued for invoice ${inv.number}` };
    }
  }
  const keys = invoiceNumberKeys(inv.number);
  if (keys.some((k) => ev.windows.has(k) || ev.references.has(k))) {
    return { kind: 'invoice_number', weight: w.invoiceNumber, text: `the payment text names invoice ${inv.number}` };
  }
  const main = keys[0];
  if (main !== undefined) {
    for (const win of typoWindows) {
      if (Math.abs(win.length - main.length) <= 1 && isOneTypo(win, main)) {
        return { kind: 'invoice_number_typo', weight: w.invoiceNumberTypo, text: `the payment text has "${win}", one typing error away from invoice ${inv.number}` };
      }
    }
  }
  return null;
}

/** The windows of a line that name none of the candidates exactly. */
export function typoWindowsOf(ev: LineEvidence, candidates: readonly OpenInvoice[]): Set<string> {
  const exact = new Set<string>();
  for (const inv of candidates) for (const k of invoiceNumberKeys(inv.number)) if (ev.windows.has(k)) exact.add(k);
  return new Set([...ev.windows].filter((w) => !exact.has(w)));
}

/** True for the signals that name an invoice exactly (a reference or a number, not a typo). */
export function namesExactly(s: Signal): boolean {
  return s.kind === 'reference' || s.kind === 'invoice_number';
}

/** True for the signals that name an invoice rather than describe the payment. */
export function namesInvoice(s: Signal): boolean {
  return s.kind === 'reference' || s.kind === 'invoice_number' || s.kind === 'invoice_number_typo';
}

/** Who paid, as far as the line tells: signals per account, computed once per account. */
export function payerEvidence(
  line: BankLine,
  ev: LineEvidence,
  knowledge: PayerKnowledge,
  settings: MatchSettings,
): (accountId: number, accountName: string) => Signal[] {
  const w = settings.weights;
  const ibanAccount = ev.iban === null ? undefined : knowledge.ibans.get(ev.iban);
  const nameAccount = ev.nameKey === null ? undefined : knowledge.names.get(ev.nameKey);
  const cache = new Map<number, Signal[]>();
  // The payer's name is read once per line, not once per customer it is compared with.
  const payerForm = (line.counterpartyName ?? '') === '' ? null : nameForm(line.counterpartyName ?? '');
  return (accountId, accountName) => {
    const cached = cache.get(accountId);
    if (cached !== undefined) return cached;
    const out: Signal[] = [];
    const payer = line.counterpartyName ?? '';
    const similarity = payerForm === null ? 0 : formSimilarity(payerForm, nameForm(accountName));
    const byName = nameAccount === accountId || similarity >= settings.nameThreshold;
    const nameWeight =
      nameAccount === accountId
        ? w.payerName
        : w.payerName * (0.75 + (0.25 * (similarity - settings.nameThreshold)) / (1 - settings.nameThreshold));
    if (ibanAccount === accountId) {
      out.push({ kind: 'payer_iban', weight: w.payerIban, text: `the paying account ${ev.iban ?? ''} has paid this customer before` });
      if (byName) out.push({ kind: 'payer_name', weight: 0.05, text: `the payer "${payer}" also has the customer's name` });
    } else if (byName) {
      const why = nameAccount === accountId ? 'a name this customer has paid under before' : `${Math.round(similarity * 100)} % alike to "${accountName}"`;
      out.push({ kind: 'payer_name', weight: nameWeight, text: `the payer "${payer}" is this customer: ${why}` });
    }
    if (ibanAccount !== undefined && ibanAccount !== accountId) {
      out.push({ kind: 'payer_other_account', weight: w.payerOtherAccount, text: `the paying account ${ev.iban ?? ''} belongs to another customer` });
    }
    cache.set(accountId, out);
    return out;
  };
}
