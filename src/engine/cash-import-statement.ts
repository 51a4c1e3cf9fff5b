// `importStatement`: one bank file into the ledger, atomically and idempotently.
import { defaultMatchSettings, type MatchSettings } from '../core/matching/settings.ts';
import type { LocalDate } from '../core/local-date.ts';
import { maxMinor } from '../core/money.ts';
import { decideCredit } from './cash-decide-credit.ts';
import { lineBatch, type LineBatch } from './cash-line-batch.ts';
import type { CashStore, CashWriter, StatementLine } from './cash-ports.ts';
import { findReversedCredit } from './cash-reverse.ts';
import { cashSession, type CashSession } from './cash-session.ts';
import { handleDebit, type FileContext, type LineOutcome } from './cash-statement-lines.ts';

export type ImportStatementInput = {
  readonly file: string;
  readonly fileHash: string;
  readonly format: string;
  readonly statements: readonly { readonly account: string; readonly transactions: readonly StatementLine[] }[];
  /** The day cash is recorded as received when a line has neither booking nor value date. */
  readonly today: LocalDate;
  readonly actor?: string;
  readonly settings?: MatchSettings;
  /** The matching state shared with the other files of one command (a new one by default). */
  readonly session?: CashSession;
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
 * skipped. Each new credit is matched against open invoices of its currency (the session's
 * candidate index, with the open amounts as earlier lines and files left them): clear matches
 * are applied, the rest queued with proposals or left unmatched, the cash kept either way.
 * Debits that send back an earlier credit reopen its invoices; other debits are kept as
 * ignored. Writes go to the store in batches. A line the ledger cannot hold rejects the file.
 */
export async function importStatement(store: CashStore, input: ImportStatementInput): Promise<StatementReport> {
  const all = input.statements.flatMap((s) => s.transactions.map((t) => ({ account: s.account, t })));
  const counts = { applied: 0, queued: 0, unmatched: 0, ignored: 0, reversals: 0, already: 0 };
  const problems = all.filter(({ t }) => t.amount > maxMinor || t.amount < -maxMinor).map(({ t }) => `${t.entryId}: amount beyond the largest Dunwise accepts`);
  const base = { file: input.file, format: input.format, lines: all.length };
  const session = input.session ?? cashSession();
  try {
    await store.transaction(async (ledger, cash) => {
      if (problems.length > 0) throw new Rejected();
      const importId = await ledger.startImport({ kind: 'statement', file: input.file, fileHash: input.fileHash });
      const fresh = await freshLines(cash, all);
      counts.already = all.length - fresh.length;
      const currencies = [...new Set(fresh.filter(({ t }) => t.amount > 0n).map(({ t }) => t.currency))];
      const state = await session.stateFor(cash, currencies, input.settings ?? defaultMatchSettings);
      const ctx: FileContext = { ledger, cash, importId, deferred: { cases: [], links: [] }, file: input.file, fileHash: input.fileHash, today: input.today, actor: input.actor ?? 'cash-import', state };
      const batch = lineBatch(ctx);
      for (const { account, t } of fresh) {
        counts[await importLine(ctx, batch, account, t)] += 1;
        if (batch.size >= batchSize) await batch.flush();
      }
      await batch.flush();
      // In slices: one statement may touch thousands of customers, and SQL has parameter limits.
      const cases = [...new Map(ctx.deferred.cases.map((c) => [`${c.accountId}/${c.currency}`, c])).values()];
      const links = [...new Map(ctx.deferred.links.map((l) => [`${l.kind} ${l.key}`, l])).values()];
      for (let i = 0; i < cases.length; i += 1000) await ledger.markCasesForPlanning(cases.slice(i, i + 1000));
      for (let i = 0; i < links.length; i += 1000) await cash.learnPayers(links.slice(i, i + 1000));
      await ledger.finishImport(importId, 'imported', all.length, 0);
      await session.written(cash);
    });
  } catch (error) {
    if (!(error instanceof Rejected)) {
      session.discard();
      throw error;
    }
    await store.recordRejectedImport({ kind: 'statement', file: input.file, fileHash: input.fileHash, records: all.length, problems: problems.length });
    return { ...base, status: 'rejected', applied: 0, queued: 0, unmatched: 0, ignored: 0, reversals: 0, already: 0, problems };
  }
  return { ...base, status: 'imported', ...counts, problems: [] };
}

// Lines written per batch: a few statements for each, not several round trips per line.
const batchSize = 500;

/** The lines not imported before (by entry id); the same entry twice in one file counts once. */
async function freshLines<T extends { t: StatementLine }>(cash: CashWriter, all: readonly T[]): Promise<T[]> {
  const known = new Set<string>();
  for (let i = 0; i < all.length; i += 500) {
    for (const id of await cash.knownEntryIds(all.slice(i, i + 500).map((l) => l.t.entryId))) known.add(id);
  }
  return all.filter(({ t }) => {
    if (known.has(t.entryId)) return false;
    known.add(t.entryId);
    return true;
  });
}

/**
 * One line: a credit is decided and batched; a debit that reverses an earlier credit is
 * written at once, after the batch (it reads what earlier lines wrote); other debits are batched.
 */
async function importLine(ctx: FileContext, batch: LineBatch, account: string, t: StatementLine): Promise<LineOutcome> {
  if (t.amount > 0n) return batch.addCredit(account, t, decideCredit(t, ctx.state));
  if (t.amount === 0n) return batch.addIgnored(account, t);
  if (batch.mayBeReversedBy(t)) await batch.flush();
  if ((await findReversedCredit(ctx.cash, t)) === null) return batch.addIgnored(account, t);
  await batch.flush();
  return handleDebit(ctx, account, t);
}
