// One matching state for all the files of one `dunwise cash import`: the open invoices are read
// and indexed once, not once per file. Each file sees the ledger as the files before it left it,
// as if it were read again: invoices they paid are no longer candidates, and invoices they paid
// in part are found by what they still owe (within a file, as before, the index is the file's
// starting point and only the open amounts move). Only the capped list of invoices of one amount
// can differ from a fresh read: paid ones still hold places in it, so a queued line may propose
// other invoices of that amount. The invoices are read again when a file needs another currency,
// or when something else wrote to the ledger between two files.
import type { CandidateIndex } from '../core/matching/candidate-index.ts';
import { buildCandidateIndex } from '../core/matching/candidate-index.ts';
import type { MatchSettings } from '../core/matching/settings.ts';
import type { OpenInvoice } from '../core/matching/types.ts';
import type { MatchState } from './cash-decide-credit.ts';
import type { CashWriter } from './cash-ports.ts';

/** The matching state shared by the files of one import command. */
export type CashSession = {
  /** The state for a file whose credits are in `currencies`, read inside the file's transaction. */
  stateFor(cash: CashWriter, currencies: readonly string[], settings: MatchSettings): Promise<MatchState>;
  /** Called after the file's last write, in its transaction: the ledger now is the state's. */
  written(cash: CashWriter): Promise<void>;
  /** The file failed and was rolled back: what it changed in the state is not in the ledger. */
  discard(): void;
};

type Held = {
  state: MatchState;
  readonly base: CandidateIndex;
  readonly currencies: ReadonlySet<string>;
  marker: string | null;
  /** Paid by an earlier file. */
  readonly closed: Set<number>;
  /** Paid in part by an earlier file: by currency and what they still owe. */
  readonly moved: Map<string, OpenInvoice[]>;
};

/** A new session; nothing is read until the first file asks. */
export function cashSession(): CashSession {
  let held: Held | null = null;
  return {
    async stateFor(cash, currencies, settings) {
      const marker = await cash.ledgerMarker();
      const current = held !== null && held.marker === marker ? held : null;
      if (current !== null && currencies.every((c) => current.currencies.has(c))) {
        settle(current);
        if (current.state.settings !== settings) current.state = { ...current.state, settings };
        return current.state;
      }
      const wanted = new Set([...(current?.currencies ?? []), ...currencies]);
      held = await load(cash, wanted, settings);
      return held.state;
    },
    async written(cash) {
      if (held !== null) held.marker = await cash.ledgerMarker();
    },
    discard() {
      held = null;
    },
  };
}

async function load(cash: CashWriter, currencies: ReadonlySet<string>, settings: MatchSettings): Promise<Held> {
  // Oldest due first: where the index keeps only the first invoices of an amount or a
  // customer, those are the ones customers pay first.
  const open = currencies.size === 0 ? [] : (await cash.openInvoices([...currencies])).sort(byDueDate);
  const learned = await cash.payerKnowledge();
  const base = buildCandidateIndex(open);
  const closed = new Set<number>();
  const moved = new Map<string, OpenInvoice[]>();
  const index: CandidateIndex = {
    ...base,
    candidatesFor(line, knowledge, s) {
      const found = base.candidatesFor(line, knowledge, s).filter((inv) => !closed.has(inv.id));
      for (const inv of moved.get(`${line.currency} ${line.amountMinor}`) ?? []) if (!found.some((f) => f.id === inv.id)) found.push(inv);
      return found;
    },
  };
  const state: MatchState = {
    index,
    byId: new Map(open.map((i) => [i.id, i])),
    opens: new Map(),
    knowledge: { ibans: new Map(learned.ibans), names: new Map(learned.names) },
    settings,
  };
  return { state, base, currencies, marker: null, closed, moved };
}

/** At the start of a file: what earlier files paid leaves the candidates, what they part paid is found by its new amount. */
function settle(held: Held): void {
  held.moved.clear();
  for (const [id, open] of held.state.opens) {
    const inv = held.state.byId.get(id);
    if (inv === undefined) continue;
    if (open === 0n) {
      held.closed.add(id);
      continue;
    }
    held.closed.delete(id);
    if (open === inv.openMinor) continue;
    const key = `${inv.currency} ${open}`;
    held.moved.set(key, [...(held.moved.get(key) ?? []), { ...inv, openMinor: open }]);
  }
}

function byDueDate(a: OpenInvoice, b: OpenInvoice): number {
  return a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.id - b.id;
}
