// One camt <Ntry> becomes one transaction per <TxDtls> (a batch booking), or one for the entry.
import type { CurrencyCode } from '../core/currency.ts';
import { currencyAt, minorAt } from './amount.ts';
import { choiceDate } from './camt-date.ts';
import type { DraftTransaction } from './entry-id.ts';
import { ibanOrNull, findCreditorReference } from './reference.ts';
import { fail } from './statement.ts';
import { at, child, childrenNamed, textAt, type XmlElement } from './xml-tree.ts';

/** The transactions of one entry; `warn` collects what was read leniently. */
export function entryTransactions(
  entry: XmlElement,
  warn: (w: string) => void,
): DraftTransaction[] {
  const entryAmount = signedAmount(entry, entry);
  const base = {
    bookingDate: choiceDate(child(entry, 'BookgDt')),
    valueDate: choiceDate(child(entry, 'ValDt')),
    entryRef: textAt(entry, 'AcctSvcrRef'),
  };
  const details = childrenNamed(entry, 'NtryDtls').flatMap((d) => childrenNamed(d, 'TxDtls'));
  if (details.length === 0) return [detailTransaction(undefined, entryAmount, base)];
  const amounts = details.map((d) => detailAmount(d, entry));
  if (details.length === 1) {
    // One detail: the booked entry amount is authoritative; a differing detail amount is noted.
    const own = amounts[0];
    if (own && (own.minor !== entryAmount.minor || own.currency !== entryAmount.currency)) {
      warn(
        `${entry.path}: TxDtls amount ${own.minor} ${own.currency} differs from the entry; the entry amount is kept`,
      );
    }
    return [detailTransaction(details[0], entryAmount, base)];
  }
  if (amounts.some((a) => a === null)) {
    warn(
      `${entry.path}: ${details.length} TxDtls without their own amounts; kept as one transaction`,
    );
    return [detailTransaction(details[0], entryAmount, base)];
  }
  const parts = amounts as SignedAmount[];
  const total = parts.reduce((sum, a) => sum + a.minor, 0n);
  if (parts.every((a) => a.currency === entryAmount.currency) && total !== entryAmount.minor) {
    warn(
      `${entry.path}: the TxDtls amounts add up to ${total}, the entry says ${entryAmount.minor} (minor units)`,
    );
  }
  return details.map((d, i) => detailTransaction(d, parts[i] ?? entryAmount, base));
}

type SignedAmount = { readonly minor: bigint; readonly currency: CurrencyCode };

function signedAmount(amountEl: XmlElement, signEl: XmlElement): SignedAmount {
  const amt = child(amountEl, 'Amt');
  if (amt === undefined) fail('expected an Amt element', amountEl.path);
  const currency = currencyAt(amt.attributes['Ccy'] ?? '', `${amt.path}/@Ccy`);
  const minor = minorAt(amt.text, currency, amt.path);
  const indicator = textAt(signEl, 'CdtDbtInd');
  if (indicator !== 'CRDT' && indicator !== 'DBIT') {
    fail(`CdtDbtInd must be CRDT or DBIT, found "${indicator ?? ''}"`, `${signEl.path}/CdtDbtInd`);
  }
  return { minor: indicator === 'DBIT' ? -minor : minor, currency };
}

/**
 * TxDtls/Amt (camt v3+) or TxDtls/AmtDtls/TxAmt/Amt (v2), signed by the entry: a batch is
 * booked in one direction, and test files with a contrary TxDtls/CdtDbtInd show the account
 * owner as the debtor of an outgoing batch (genkgo/camt reads them the same way).
 */
function detailAmount(detail: XmlElement, entry: XmlElement): SignedAmount | null {
  const holder = child(detail, 'Amt') ? detail : at(detail, 'AmtDtls', 'TxAmt');
  if (holder === undefined) return null;
  return signedAmount(holder, entry);
}

function detailTransaction(
  detail: XmlElement | undefined,
  amount: SignedAmount,
  base: {
    bookingDate: DraftTransaction['bookingDate'];
    valueDate: DraftTransaction['valueDate'];
    entryRef: string | null;
  },
): DraftTransaction {
  // Money in comes from the debtor, money out goes to the creditor.
  const side = amount.minor >= 0n ? 'Dbtr' : 'Cdtr';
  const parties = child(detail, 'RltdPties');
  const party = child(parties, side);
  // v2-v4: Dbtr/Nm; v8 and later: Dbtr/Pty/Nm, or Dbtr/Agt/FinInstnId/Nm for a bank as party.
  const name =
    textAt(party, 'Nm') ?? textAt(party, 'Pty', 'Nm') ?? textAt(party, 'Agt', 'FinInstnId', 'Nm');
  const accountId = at(parties, `${side}Acct`, 'Id');
  const account = textAt(accountId, 'IBAN') ?? textAt(accountId, 'Othr', 'Id');
  const remittance = child(detail, 'RmtInf');
  const unstructured = [
    ...childrenNamed(remittance, 'Ustrd').map((u) => u.text.trim()),
    ...childrenNamed(remittance, 'Strd').flatMap((s) =>
      childrenNamed(s, 'AddtlRmtInf').map((a) => a.text.trim()),
    ),
  ].filter((t) => t !== '');
  const remittanceText = unstructured.length > 0 ? unstructured.join(' ') : null;
  const structured = childrenNamed(remittance, 'Strd')
    .map((s) => textAt(s, 'CdtrRefInf', 'Ref'))
    .find((r) => r !== null);
  const endToEnd = textAt(detail, 'Refs', 'EndToEndId');
  return {
    bookingDate: base.bookingDate,
    valueDate: base.valueDate,
    amount: amount.minor,
    currency: amount.currency,
    counterpartyName: name,
    counterpartyIban: ibanOrNull(account),
    counterpartyAccount: account,
    reference: structured ?? findCreditorReference(remittanceText),
    remittance: remittanceText,
    endToEndId: endToEnd === null || endToEnd.toUpperCase() === 'NOTPROVIDED' ? null : endToEnd,
    bankReference: textAt(detail, 'Refs', 'AcctSvcrRef') ?? base.entryRef,
  };
}
