// Cheap pre-selection: maps from invoice number, payment reference, amount, account and payer
// name words to invoices, so a bank line is compared with tens of invoices, never all of them.
import { invoiceNumberKeys, typoVariants } from './invoice-number.ts';
import { compactReference, readLine } from './line-evidence.ts';
import { formSimilarity, nameForm, type NameForm } from './payer-name.ts';
import { defaultMatchSettings, type MatchSettings } from './settings.ts';
import type { BankLine, OpenInvoice, PayerKnowledge } from './types.ts';

/** Lookups over a set of open invoices; build once, query per bank line. */
export type CandidateIndex = {
  readonly size: number;
  byNumber(key: string): readonly OpenInvoice[];
  byReference(reference: string): readonly OpenInvoice[];
  byAmount(currency: string, minor: bigint): readonly OpenInvoice[];
  byAccount(accountId: number): readonly OpenInvoice[];
  /** Accounts whose name is at least `threshold` similar to `name`. */
  accountsNamed(name: string, threshold: number): number[];
  /** The invoices worth scoring for a line: named, referenced, of the payer, or of the amount. */
  candidatesFor(line: BankLine, knowledge: PayerKnowledge, settings?: MatchSettings): OpenInvoice[];
};

// Limits that keep one line's work bounded however large the ledger is.
const perAccountCap = 400;
const perAmountCap = 30;
const commonWordCap = 2_000;
const nameCandidateCap = 400;

/** Builds the lookups in one pass over the invoices. */
export function buildCandidateIndex(invoices: readonly OpenInvoice[]): CandidateIndex {
  const numbers = new MultiMap<string>();
  const references = new MultiMap<string>();
  const amounts = new MultiMap<string>();
  const accounts = new MultiMap<number>();
  const nameIndex = new Map<string, Set<number>>();
  const accountNames = new Map<number, NameForm>();
  // Leading letters of a number key -> key lengths: typo look-ups only for plausible shapes.
  const shapes = new Map<string, Set<number>>();
  invoices.forEach((inv, i) => {
    for (const key of invoiceNumberKeys(inv.number)) {
      numbers.add(key, i);
      const prefix = leadingLetters(key);
      const lengths = shapes.get(prefix) ?? new Set<number>();
      lengths.add(key.length);
      shapes.set(prefix, lengths);
    }
    if (inv.paymentReference !== null) references.add(compactReference(inv.paymentReference), i);
    amounts.add(`${inv.currency} ${inv.openMinor}`, i);
    accounts.add(inv.accountId, i);
    if (!accountNames.has(inv.accountId)) {
      const form = nameForm(inv.accountName);
      accountNames.set(inv.accountId, form);
      for (const w of form.words) {
        const set = nameIndex.get(w) ?? new Set<number>();
        set.add(inv.accountId);
        nameIndex.set(w, set);
      }
    }
  });
  const pick = (ids: readonly number[]): OpenInvoice[] => ids.map((i) => invoices[i] as OpenInvoice);
  const typoPlausible = (key: string): boolean => {
    const lengths = shapes.get(leadingLetters(key));
    return lengths !== undefined && (lengths.has(key.length) || lengths.has(key.length - 1) || lengths.has(key.length + 1));
  };

  const accountsNamed = (name: string, threshold: number): number[] => {
    const seen = new Set<number>();
    // Rarest words first, so a common word ("BAU", "SERVICES") cannot crowd out the payer.
    const payer = nameForm(name);
    // A name cut short ends in part of a word, which no posting has; its whole words still do.
    const postings = payer.words
      .map((w) => nameIndex.get(w))
      .filter((h): h is Set<number> => h !== undefined && h.size <= commonWordCap)
      .sort((x, y) => x.size - y.size);
    for (const hits of postings) {
      for (const a of hits) {
        if (seen.size >= nameCandidateCap) break;
        seen.add(a);
      }
    }
    return [...seen].filter((a) => {
      const account = accountNames.get(a);
      return account !== undefined && formSimilarity(payer, account) >= threshold;
    });
  };

  return {
    size: invoices.length,
    byNumber: (key) => pick(numbers.get(key)),
    byReference: (ref) => pick(references.get(compactReference(ref))),
    byAmount: (currency, minor) => pick(amounts.get(`${currency} ${minor}`)),
    byAccount: (accountId) => pick(accounts.get(accountId)),
    accountsNamed,
    candidatesFor(line, knowledge, settings = defaultMatchSettings) {
      const found = new Set<number>();
      const accountsToAdd = new Set<number>();
      // Exact hits bring their customer's other invoices (combined payments, same-amount
      // checks); a typo hit is too weak a clue to widen the search.
      const addAll = (ids: readonly number[], widen = true): void => {
        for (const i of ids) {
          found.add(i);
          if (widen) accountsToAdd.add((invoices[i] as OpenInvoice).accountId);
        }
      };
      const ev = readLine(line);
      for (const ref of ev.references) addAll(references.get(ref));
      for (const key of ev.windows) {
        addAll(numbers.get(key));
        if (typoPlausible(key)) for (const v of typoVariants(key)) addAll(numbers.get(v), false);
      }
      if (ev.iban !== null) addKnown(accountsToAdd, knowledge.ibans.get(ev.iban));
      if (ev.nameKey !== null) addKnown(accountsToAdd, knowledge.names.get(ev.nameKey));
      if (line.counterpartyName !== null) {
        for (const a of accountsNamed(line.counterpartyName, settings.nameThreshold)) accountsToAdd.add(a);
      }
      for (const a of accountsToAdd) {
        for (const i of accounts.get(a).slice(0, perAccountCap)) found.add(i);
      }
      for (const i of amounts.get(`${line.currency} ${line.amountMinor}`).slice(0, perAmountCap)) found.add(i);
      return pick([...found]);
    },
  };
}

function addKnown(set: Set<number>, accountId: number | undefined): void {
  if (accountId !== undefined) set.add(accountId);
}

function leadingLetters(key: string): string {
  return /^[A-Z]*/.exec(key)?.[0] ?? '';
}

/** A map to lists of invoice positions that stores a lone position without an array. */
class MultiMap<K> {
  readonly #map = new Map<K, number | number[]>();

  add(key: K, value: number): void {
    const cur = this.#map.get(key);
    if (cur === undefined) this.#map.set(key, value);
    else if (typeof cur === 'number') this.#map.set(key, [cur, value]);
    else cur.push(value);
  }

  get(key: K): readonly number[] {
    const cur = this.#map.get(key);
    return cur === undefined ? [] : typeof cur === 'number' ? [cur] : cur;
  }
}
