// `applyBankLine`: a person applies a queued bank line to the invoices they choose.
import { DunwiseError, ErrorCode, invalid } from '../core/errors.ts';
import { feeTolerance } from '../core/matching/amounts.ts';
import { defaultMatchSettings, type MatchSettings } from '../core/matching/settings.ts';
import { formatMoney } from '../core/money.ts';
import { planParts, remainderReason, writeApplication, type Part } from './cash-apply.ts';
import type { CashStore, StoredBankLine } from './cash-ports.ts';
import type { StoredInvoice } from './ports.ts';

export type ApplyLineInput = {
  readonly lineId: number;
  /** One invoice (amount optional: what it still owes, up to the line), or several with amounts. */
  readonly parts: readonly { readonly invoiceNumber: string; readonly amountMinor: bigint | null }[];
  readonly actor?: string;
  readonly settings?: MatchSettings;
};

/** What was applied, and what stays unapplied on the customer's account. */
export type ApplyLineResult = {
  readonly lineId: number;
  readonly currency: string;
  readonly applied: readonly { readonly number: string; readonly amountMinor: bigint; readonly openMinor: bigint; readonly writtenOffMinor: bigint }[];
  readonly remainderMinor: bigint;
  readonly remainderReason: string | null;
};

/**
 * Applies a queued or unmatched credit line as a person decided, in one transaction. Refused
 * (DunwiseError) when the line is not waiting, an invoice is unknown, in another currency or
 * paid, or the amounts exceed the line or an invoice. One invoice without an amount that the
 * line misses by no more than the bank-charge tolerance is closed and the difference written off.
 */
export async function applyBankLine(store: CashStore, input: ApplyLineInput): Promise<ApplyLineResult> {
  const actor = input.actor ?? 'cash-review';
  return store.transaction(async (ledger, cash) => {
    const line = await waitingLine(await cash.lineForUpdate(input.lineId), input.lineId, 'applied');
    if (line.amount <= 0n || line.paymentId === null) invalid(`bank line ${line.id} is a debit; only received money can be applied`);
    if (input.parts.length === 0) invalid('name at least one invoice');
    const numbers = input.parts.map((p) => p.invoiceNumber);
    if (new Set(numbers).size !== numbers.length) invalid('each invoice may be named once');
    const found = await ledger.findInvoices(numbers);
    const m = (minor: bigint): string => formatMoney({ minor, currency: line.currency });
    let left = line.amount;
    const parts: Part[] = input.parts.map((p) => {
      const inv = checkedInvoice(found.get(p.invoiceNumber), p.invoiceNumber, line);
      const amount = p.amountMinor ?? (inv.openMinor < left ? inv.openMinor : left);
      if (amount <= 0n) invalid(`the amount for ${inv.number} must be positive`);
      if (amount > inv.openMinor) invalid(`${m(amount)} is more than the ${m(inv.openMinor)} invoice ${inv.number} still owes`);
      left -= amount;
      if (left < 0n) invalid(`the amounts add up to more than the ${m(line.amount)} received`);
      return { invoice: inv, amountMinor: amount };
    });
    const only = parts.length === 1 ? parts[0] : undefined;
    const settings = input.settings ?? defaultMatchSettings;
    const maxWriteOff = only !== undefined && input.parts[0]?.amountMinor === null ? feeTolerance(only.invoice.openMinor, settings) : 0n;
    const outcomes = planParts(parts, maxWriteOff);
    const reason = remainderReason(outcomes, left);
    const accountId = parts[0]?.invoice.accountId as number;
    await cash.setPayment(line.paymentId, { accountId, unappliedMinor: left, reason });
    const writeOffs = outcomes.filter((o) => o.writtenOffMinor > 0n).map((o) => ({ invoiceId: o.invoice.id, amountMinor: o.writtenOffMinor.toString() }));
    await cash.updateLine(line.id, { status: 'applied', reason: 'manual', explanation: { signals: [], writeOffs }, writtenOffMinor: outcomes.reduce((s, o) => s + o.writtenOffMinor, 0n), resolvedBy: actor });
    await writeApplication(ledger, cash, { id: line.id, paymentId: line.paymentId, line }, outcomes, actor);
    await ledger.appendAudit([{ actor, entity: 'bank_line', entityId: String(line.id), action: 'applied', detail: { invoices: numbers, remainderMinor: left.toString() } }]);
    return {
      lineId: line.id,
      currency: line.currency,
      applied: outcomes.map((o) => ({ number: o.invoice.number, amountMinor: o.amountMinor, openMinor: o.openAfter, writtenOffMinor: o.writtenOffMinor })),
      remainderMinor: left,
      remainderReason: reason,
    };
  });
}

/** The line, when it exists and waits for a person; refused otherwise. */
export async function waitingLine(line: StoredBankLine | null, id: number, verb: string): Promise<StoredBankLine> {
  if (line === null) throw new DunwiseError(ErrorCode.notFound, `No bank line ${id}. \`dunwise cash queue\` lists the lines waiting for review.`);
  if (line.status !== 'queued' && line.status !== 'unmatched') {
    throw new DunwiseError(ErrorCode.conflict, `bank line ${id} is ${line.status}${line.reason ? ` (${line.reason})` : ''}; only queued or unmatched lines can be ${verb}`);
  }
  return line;
}

function checkedInvoice(inv: StoredInvoice | undefined, number: string, line: StoredBankLine): StoredInvoice {
  if (inv === undefined) throw new DunwiseError(ErrorCode.notFound, `No invoice "${number}".`);
  if (inv.kind !== 'invoice') invalid(`${number} is a credit note, not an invoice`);
  if (inv.currency !== line.currency) invalid(`invoice ${number} is in ${inv.currency}, the bank line in ${line.currency}`);
  if (inv.openMinor <= 0n) throw new DunwiseError(ErrorCode.conflict, `invoice ${number} is already paid`);
  return inv;
}
