// `importStatement`: one bank file into the ledger, atomically and idempotently.
import { buildCandidateIndex } from '../core/matching/candidate-index.ts';
import { defaultMatchSettings, type MatchSettings } from '../core/matching/settings.ts';
import type { LocalDate } from '../core/local-date.ts';
import { maxMinor } from '../core/money.ts';
import { handleCredit, handleDebit, type FileContext } from './cash-statement-lines.ts';
import type { CashStore, StatementLine } from './cash-ports.ts';

export type ImportStatementInput = {
  readonly file: string;
  readonly fileHash: string;
  readonly format: string;
  readonly statements: readonly { readonly account: string; readonly transactions: readonly StatementLine[] }[];
  /** The day cash is recorded as received when a line has neither booking nor value date. */
  readonly today: LocalDate;
  readonly actor?: string;
  readonly settings?: MatchSettings;
};

/** What one statement import did, line by line. */
export type StatementReport = {
  readonly file: string;
  readonly format: string;
  readonly status: 'imported' | 'rejected';
  readonly lines: number;
  readonly applied: number;
  readonly queued: number;
  readonly unmatched: number;
  readonly ignored: number;
  readonly reversals: number;
  /** Lines imported before (same entry id): nothing is applied twice. */
  readonly already: number;
  readonly problems: readonly string[];
};

class Rejected extends Error {}

/**
 * Imports the lines of one bank file in one transaction. Lines seen before (same entry id) are
 * skipped. Each new credit is matched against open invoices of its currency (one candidate index
 * per file): clear matches are applied, the rest queued with proposals or left unmatched, the
 * cash kept either way. Debits that send back an earlier credit reopen its invoices; other
 * debits are kept as ignored. A line the ledger cannot hold rejects the whole file.
 */
export async function importStatement(store: CashStore, input: ImportStatementInput): Promise<StatementReport> {
  const all = input.statements.flatMap((s) => s.transactions.map((t) => ({ account: s.account, t })));
  const counts = { applied: 0, queued: 0, unmatched: 0, ignored: 0, reversals: 0, already: 0 };
  const problems = all.filter(({ t }) => t.amount > maxMinor || t.amount < -maxMinor).map(({ t }) => `${t.entryId}: amount beyond the largest Dunwise accepts`);
  const base = { file: input.file, format: input.format, lines: all.length };
  try {
    await store.transaction(async (ledger, cash) => {
      if (problems.length > 0) throw new Rejected();
      const importId = await ledger.startImport({ kind: 'statement', file: input.file, fileHash: input.fileHash });
      const known = new Set<string>();
      for (let i = 0; i < all.length; i += 500) {
        for (const id of await cash.knownEntryIds(all.slice(i, i + 500).map((l) => l.t.entryId))) known.add(id);
      }
      const fresh = all.filter(({ t }) => {
        if (known.has(t.entryId)) return false;
        known.add(t.entryId); // the same entry twice in one file counts once
        return true;
      });
      counts.already = all.length - fresh.length;
      const currencies = [...new Set(fresh.filter(({ t }) => t.amount > 0n).map(({ t }) => t.currency))];
      const open = currencies.length === 0 ? [] : await cash.openInvoices(currencies);
      const learned = await cash.payerKnowledge();
      const ctx: FileContext = {
        ledger, cash, importId, deferred: { cases: [], links: [] }, file: input.file, fileHash: input.fileHash, today: input.today, actor: input.actor ?? 'cash-import',
        state: {
          index: buildCandidateIndex(open),
          byId: new Map(open.map((i) => [i.id, i])),
          opens: new Map(),
          knowledge: { ibans: new Map(learned.ibans), names: new Map(learned.names) },
          settings: input.settings ?? defaultMatchSettings,
        },
      };
      for (const { account, t } of fresh) {
        const outcome = t.amount > 0n ? await handleCredit(ctx, account, t) : await handleDebit(ctx, account, t);
        counts[outcome] += 1;
      }
      // In slices: one statement may touch thousands of customers, and SQL has parameter limits.
      const cases = [...new Map(ctx.deferred.cases.map((c) => [`${c.accountId}/${c.currency}`, c])).values()];
      const links = [...new Map(ctx.deferred.links.map((l) => [`${l.kind} ${l.key}`, l])).values()];
      for (let i = 0; i < cases.length; i += 1000) await ledger.markCasesForPlanning(cases.slice(i, i + 1000));
      for (let i = 0; i < links.length; i += 1000) await cash.learnPayers(links.slice(i, i + 1000));
      await ledger.finishImport(importId, 'imported', all.length, 0);
    });
  } catch (error) {
    if (!(error instanceof Rejected)) throw error;
    await store.recordRejectedImport({ kind: 'statement', file: input.file, fileHash: input.fileHash, records: all.length, problems: problems.length });
    return { ...base, status: 'rejected', applied: 0, queued: 0, unmatched: 0, ignored: 0, reversals: 0, already: 0, problems };
  }
  return { ...base, status: 'imported', ...counts, problems: [] };
}
