// Writes the benchmark's invoice CSV: `rows` invoices over `accounts` customers, deterministic.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

/** One generated invoice, as the floor inserts it and as the CSV says it. */
export type BenchRow = {
  number: string; accountRef: string; accountName: string; currency: string;
  issueDate: string; dueDate: string; totalMinor: bigint; openMinor: bigint;
};

const currencies = ['EUR', 'EUR', 'EUR', 'USD', 'GBP', 'CHF'];

/** The i-th generated row (0-based). */
export function benchRow(i: number, accounts: number): BenchRow {
  const a = i % accounts;
  const day = 1 + (i % 28);
  const month = 1 + (Math.floor(i / 28) % 12);
  const issue = `2025-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const dueMonth = month === 12 ? 1 : month + 1;
  const due = `${month === 12 ? 2026 : 2025}-${String(dueMonth).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const total = BigInt(1000 + ((i * 7919) % 900000));
  const open = i % 5 === 0 ? total / 2n : total;
  return {
    number: `B-${String(i).padStart(7, '0')}`,
    accountRef: `ACC-${String(a).padStart(6, '0')}`,
    accountName: `Customer ${a} Ltd`,
    currency: currencies[a % currencies.length] as string,
    issueDate: issue, dueDate: due, totalMinor: total, openMinor: open,
  };
}

function decimal(minor: bigint): string {
  const s = minor.toString().padStart(3, '0');
  return `${s.slice(0, -2)}.${s.slice(-2)}`;
}

/** Writes the CSV with a header the generic preset recognises. */
export async function writeBenchCsv(path: string, rows: number, accounts: number): Promise<void> {
  const out = createWriteStream(path);
  out.write('Invoice Number,Customer ID,Customer,Currency,Invoice Date,Due Date,Total,Amount Due\n');
  let buffer = '';
  for (let i = 0; i < rows; i++) {
    const r = benchRow(i, accounts);
    buffer += `${r.number},${r.accountRef},${r.accountName},${r.currency},${r.issueDate},${r.dueDate},${decimal(r.totalMinor)},${decimal(r.openMinor)}\n`;
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  out.end(buffer);
  await once(out, 'finish');
}
