import { countryDefaults } from '../core/countries.ts';
import { Segment } from '../core/ledger.ts';
import type { LedgerWriter, NewAccount, NewContact } from './ports.ts';

/** What a new account gets when the file does not say: the creditor's settings. */
export type AccountDefaults = {
  readonly timeZone: string;
  readonly country: string;
  readonly locale: string;
};

type RecordLike = {
  readonly accountRef: string;
  readonly accountName: string;
  readonly currency: string;
  readonly country: string | null;
  readonly buyerEmail: string | null;
};

/**
 * Finds or creates the account of each record by the creditor's customer reference,
 * remembering ids for the rest of the import so each account is looked up once.
 */
export class AccountResolver {
  readonly #writer: LedgerWriter;
  readonly #defaults: AccountDefaults;
  readonly #ids = new Map<string, number>();

  constructor(writer: LedgerWriter, defaults: AccountDefaults) {
    this.#writer = writer;
    this.#defaults = defaults;
  }

  /** Ids of the records' accounts, creating missing ones (with a billing contact when known). */
  async resolve(records: readonly RecordLike[]): Promise<Map<string, number>> {
    // Bounded memory on huge files: forget the cache now and then; forgotten ids are read again.
    if (this.#ids.size > 200_000) this.#ids.clear();
    const missing = new Set<string>();
    for (const r of records) if (!this.#ids.has(r.accountRef)) missing.add(r.accountRef);
    if (missing.size > 0) {
      for (const [ref, id] of await this.#writer.findAccountIds([...missing])) this.#ids.set(ref, id);
      const toCreate = new Map<string, RecordLike>();
      for (const r of records) if (!this.#ids.has(r.accountRef) && !toCreate.has(r.accountRef)) toCreate.set(r.accountRef, r);
      if (toCreate.size > 0) await this.#create([...toCreate.values()]);
    }
    return this.#ids;
  }

  async #create(records: readonly RecordLike[]): Promise<void> {
    const rows: NewAccount[] = records.map((r) => {
      const country = (r.country ?? this.#defaults.country).toUpperCase();
      const known = r.country ? countryDefaults(country) : null;
      return {
        ref: r.accountRef,
        name: r.accountName.trim() === '' ? r.accountRef : r.accountName,
        currency: r.currency,
        locale: known?.language ?? this.#defaults.locale,
        timeZone: known?.zone ?? this.#defaults.timeZone,
        country,
        segment: Segment.standard,
        owner: null,
      };
    });
    const ids = await this.#writer.insertAccounts(rows);
    const contacts: NewContact[] = [];
    records.forEach((r, i) => {
      const id = ids.get(r.accountRef) as number;
      this.#ids.set(r.accountRef, id);
      if (r.buyerEmail) {
        const language = (rows[i]?.locale ?? this.#defaults.locale).slice(0, 2);
        contacts.push({ accountId: id, name: null, role: 'billing', email: r.buyerEmail, phone: null, language, timeZone: null });
      }
    });
    if (contacts.length > 0) await this.#writer.insertContacts(contacts);
  }
}
