import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { toParseJson } from '../../cash/json.ts';
import { parseBankFile, type BankFileOptions } from '../../cash/parse-bank-file.ts';
import type { Statement, StatementParseResult } from '../../cash/statement.ts';
import { DunwiseError, ErrorCode, invalid } from '../../core/errors.ts';
import { formatGrouped } from '../../core/money.ts';
import { bankFileOptions, parseProblems, withBankCsvOptions, type BankCsvFlags } from '../bank-csv-flags.ts';
import type { CommandContext } from '../context.ts';
import { renderTable, toJson } from '../table.ts';

/** Reads a bank file, refusing a missing or unreadable one with every line or element that is wrong. */
export async function readStatement(file: string, options?: BankFileOptions): Promise<Extract<StatementParseResult, { ok: true }>> {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    throw new DunwiseError(ErrorCode.notFound, `cannot read ${file}: no such file`);
  }
  const result = await parseBankFile(bytes, file, options);
  if (!result.ok) invalid(parseProblems(result).join('\n'), { file, where: result.error.where });
  return result;
}

/** `dunwise cash parse <file>`: what Dunwise reads in a bank file, as a table or JSON. */
export function register(cash: Command, ctx: CommandContext): void {
  withBankCsvOptions(
    cash
      .command('parse <file>')
      .description('read a bank file (camt.052/053/054, MT940/MT942, BAI2, bank CSV) and print its transactions; writes nothing')
      .option('--json', 'print JSON: {file, format, statements: [{account, currency, openingBalance, closingBalance, transactions}]}'),
  ).action(async (file: string, opts: BankCsvFlags & { json?: boolean }) => {
    const result = await readStatement(file, bankFileOptions(opts));
    for (const w of result.warnings) ctx.io.err(`warning: ${w}`);
    if (opts.json) {
      ctx.io.out(toJson(toParseJson(file, result)));
      return;
    }
    const count = result.statements.reduce((n, s) => n + s.transactions.length, 0);
    ctx.io.out(`${file}: ${result.format}, ${result.statements.length} statement${result.statements.length === 1 ? '' : 's'}, ${count} transaction${count === 1 ? '' : 's'}`);
    for (const s of result.statements) ctx.io.out(`\n${statementText(s)}`);
  });
}

function statementText(s: Statement): string {
  const money = (minor: bigint | null): string => (minor === null ? '-' : formatGrouped(minor, s.currency));
  const head = `Account ${s.account === '' ? '(not in the file)' : s.account} (${s.currency})${s.id ? `, statement ${s.id}` : ''}: opening ${money(s.openingBalance)}, closing ${money(s.closingBalance)}`;
  if (s.transactions.length === 0) return `${head}\n  (no transactions)`;
  const rows = s.transactions.map((t) => [
    t.bookingDate ?? '-',
    t.valueDate ?? '-',
    `${t.currency} ${formatGrouped(t.amount, t.currency)}`,
    clip(t.counterpartyName ?? '', 28),
    clip([t.reference, t.remittance].filter((x) => x !== null).join(' / '), 48),
  ]);
  return `${head}\n${renderTable(['Booked', 'Value', 'Amount', 'Counterparty', 'Reference / remittance'], rows, new Set([2]))}`;
}

function clip(text: string, width: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= width ? flat : `${flat.slice(0, width - 1)}…`;
}
