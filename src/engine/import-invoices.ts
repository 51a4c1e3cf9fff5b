import { checkInvoiceRecord, effectiveDueDate } from '../core/invoice-rules.ts';
import type { InvoiceRecord } from '../core/ledger.ts';
import { applyCreditNotes } from './apply-credit-notes.ts';
import { AccountResolver, type AccountDefaults } from './account-resolver.ts';
import { fingerprint } from './fingerprint.ts';
import { ImportProblems, itemBatches, type ImportItems, type ImportReport } from './import-report.ts';
import { SeenKeys } from './seen-keys.ts';
import type { InvoiceRow, LedgerStore, LedgerWriter, StoredInvoice } from './ports.ts';

const batchSize = 500;

export type ImportInvoicesInput = {
  readonly file: string;
  readonly fileHash: string;
  readonly items: ImportItems<InvoiceRecord>;
  readonly defaults: AccountDefaults;
  readonly actor?: string;
};

/** Rolls the transaction back after a problem was found: nothing of the file is kept. */
class Rejected extends Error {}

/**
 * Imports invoices and credit notes from one file, atomically: every record is written, or
 * (when any row has a problem) none is, and every problem is reported with its place.
 * Re-importing the same data changes nothing; a changed invoice is updated with an audit entry.
 */
export async function importInvoices(store: LedgerStore, input: ImportInvoicesInput): Promise<ImportReport> {
  const problems = new ImportProblems();
  const counts = { records: 0, inserted: 0, updated: 0, unchanged: 0 };
  const actor = input.actor ?? 'import';
  try {
    await store.transaction(async (w) => {
      const importId = await w.startImport({ kind: 'invoices', file: input.file, fileHash: input.fileHash });
      const accounts = new AccountResolver(w, input.defaults);
      // Into an empty ledger, a number can only exist if it came earlier in this file.
      const seen = (await w.hasInvoices()) ? null : new SeenKeys();
      const credits: string[] = [];
      let batch: Pending[] = [];
      const flush = async (): Promise<void> => {
        if (batch.length === 0) return;
        const result = await writeBatch(w, batch, { importId, file: input.file, actor, accounts, problems, seen });
        counts.inserted += result.inserted;
        counts.updated += result.updated;
        counts.unchanged += result.unchanged;
        credits.push(...result.newCredits);
        batch = [];
      };
      for await (const items of itemBatches(input.items)) {
        for (const item of items) {
          if (item.kind === 'problem') {
            problems.add(item.problem);
            continue;
          }
          counts.records += 1;
          const ruleProblems = checkInvoiceRecord(item.record);
          for (const p of ruleProblems) problems.add({ file: input.file, where: item.where, field: p.field, reason: p.reason });
          if (ruleProblems.length > 0 || problems.count > 0) continue; // keep reading to report every bad row
          batch.push({ where: item.where, record: item.record, fingerprint: item.fingerprint ?? fingerprint(item.record) });
          if (batch.length >= batchSize) await flush();
        }
      }
      if (problems.count === 0) await flush();
      if (problems.count > 0) throw new Rejected();
      await applyCreditNotes(w, credits, actor);
      await w.markCasesOfImport(importId);
      await w.finishImport(importId, 'imported', counts.records, 0);
    });
  } catch (error) {
    if (!(error instanceof Rejected)) throw error;
    await store.recordRejectedImport({ kind: 'invoices', file: input.file, fileHash: input.fileHash, records: counts.records, problems: problems.count });
    return { file: input.file, status: 'rejected', records: counts.records, inserted: 0, updated: 0, unchanged: 0, problems: problems.list(), problemCount: problems.count };
  }
  return { file: input.file, status: 'imported', ...counts, problems: [], problemCount: 0 };
}

/** A checked record waiting for its batch, with its fingerprint. */
type Pending = { where: string; record: InvoiceRecord; fingerprint: string };

type BatchContext = {
  importId: number;
  file: string;
  actor: string;
  accounts: AccountResolver;
  problems: ImportProblems;
  /** Numbers of this import so far, when the ledger was empty at its start; else null. */
  seen: SeenKeys | null;
};

async function writeBatch(
  w: LedgerWriter,
  batch: readonly Pending[],
  ctx: BatchContext,
): Promise<{ inserted: number; updated: number; unchanged: number; newCredits: string[] }> {
  const accountIds = await ctx.accounts.resolve(batch.map((b) => b.record));
  const numbers = batch.map((b) => b.record.number);
  // Only numbers that may have come earlier in this file are looked up when the ledger was empty.
  const seen = ctx.seen;
  const lookup = seen === null ? numbers : numbers.filter((n) => seen.mightHave(n));
  const existing = lookup.length > 0 ? await w.findInvoices(lookup) : new Map<string, StoredInvoice>();
  if (seen !== null) for (const n of numbers) seen.add(n);
  const inserts: { row: InvoiceRow; record: InvoiceRecord }[] = [];
  const seenHere = new Map<string, string>();
  let updated = 0;
  let unchanged = 0;
  for (const { where, record, fingerprint: contentHash } of batch) {
    const row = toRow(record, accountIds.get(record.accountRef) as number, contentHash, ctx);
    const before = existing.get(record.number);
    const earlier = seenHere.get(record.number);
    if (earlier !== undefined || (before && before.importId === ctx.importId)) {
      if ((earlier ?? before?.contentHash) !== row.contentHash) {
        ctx.problems.add({ file: ctx.file, where, field: 'number', reason: `invoice ${record.number} appears twice in this file with different content` });
      }
      continue;
    }
    seenHere.set(record.number, row.contentHash);
    if (!before) {
      inserts.push({ row, record });
    } else if (before.contentHash === row.contentHash) {
      unchanged += 1;
    } else {
      await w.updateInvoice(before.id, row);
      await replaceInstalments(w, before.id, record, true);
      await w.appendAudit([{ actor: ctx.actor, entity: 'invoice', entityId: record.number, action: 'updated', detail: { file: ctx.file, where, changes: changes(before, row) } }]);
      updated += 1;
    }
  }
  if (ctx.problems.count > 0) return { inserted: 0, updated, unchanged, newCredits: [] };
  const withIds = inserts.some((i) => i.record.instalments.length > 0);
  const ids = inserts.length > 0 ? await w.insertInvoices(inserts.map((i) => i.row), withIds) : new Map<string, number>();
  for (const { record } of inserts) {
    if (record.instalments.length > 0) await replaceInstalments(w, ids.get(record.number) as number, record, false);
  }
  const newCredits = inserts.filter((i) => i.record.kind === 'credit_note' && i.record.correctsNumber).map((i) => i.record.number);
  return { inserted: inserts.length, updated, unchanged, newCredits };
}

async function replaceInstalments(w: LedgerWriter, invoiceId: number, r: InvoiceRecord, replace: boolean): Promise<void> {
  if (replace) await w.deleteInstalments(invoiceId);
  if (r.instalments.length === 0) return;
  await w.insertInstalments(r.instalments.map((i, seq) => ({ invoiceId, seq: seq + 1, dueDate: i.dueDate, amountMinor: i.amountMinor })));
}

function toRow(r: InvoiceRecord, accountId: number, contentHash: string, ctx: BatchContext): InvoiceRow {
  return {
    accountId,
    number: r.number,
    kind: r.kind,
    currency: r.currency,
    totalMinor: r.totalMinor,
    openMinor: r.openMinor,
    issueDate: r.issueDate,
    dueDate: effectiveDueDate(r),
    dueDateSource: r.dueDateSource,
    paymentReference: r.paymentReference,
    poNumber: r.poNumber,
    terms: r.terms,
    correctsNumber: r.correctsNumber,
    status: r.openMinor === 0n ? (r.kind === 'credit_note' ? 'applied' : 'paid') : 'open',
    contentHash,
    source: ctx.file,
    importId: ctx.importId,
  };
}

const tracked = ['kind', 'currency', 'totalMinor', 'openMinor', 'issueDate', 'dueDate', 'dueDateSource', 'paymentReference', 'poNumber', 'terms', 'correctsNumber', 'accountId'] as const;

function changes(before: StoredInvoice, after: InvoiceRow): Record<string, { from: string | null; to: string | null }> {
  const out: Record<string, { from: string | null; to: string | null }> = {};
  for (const key of tracked) {
    const a = before[key];
    const b = after[key];
    if (String(a) !== String(b)) out[key] = { from: a === null ? null : String(a), to: b === null ? null : String(b) };
  }
  return out;
}
