import { readFileSync } from 'node:fs';
import { Option, type Command } from 'commander';
import { asCurrency, type CurrencyCode } from '../../core/currency.ts';
import { DunwiseError, ErrorCode, invalid } from '../../core/errors.ts';
import { calculateInterest, mergeRateTable, shippedRateTables, type InterestLaw, type InterestResult, type RateTables } from '../../core/interest/index.ts';
import { parseLocalDate, type LocalDate } from '../../core/local-date.ts';
import { formatDecimal, formatGrouped, parseDecimal } from '../../core/money.ts';
import { lawFor } from '../../dispatch/interest.ts';
import type { CommandContext } from '../context.ts';
import { toJson } from '../table.ts';

type CalcFlags = { law: string; principal: string; currency: string; due: string; until: string; consumer?: boolean; rate?: string; fee?: string; dayCount: string; rates?: string[]; json?: boolean };

/** `dunwise interest calc ...` and `dunwise interest <invoice>`: statutory late-payment interest and compensation. */
export function register(program: Command, ctx: CommandContext): void {
  const interest = program
    .command('interest')
    .description('late-payment interest and fixed compensation: `interest calc ...`, or `interest <invoice>` for an invoice in the ledger')
    .argument('[invoice]', 'an invoice number in the ledger')
    .option('--json', 'print {interest, fixedCompensation, ratePercent, days}')
    .action(async (invoice: string | undefined, o: { json?: boolean }, cmd: Command) => {
      if (!invoice) return ctx.io.out(cmd.helpInformation());
      await ctx.withApp(cmd, async (app) => {
        const inv = await app.handle.db.selectFrom('invoices').innerJoin('accounts', 'accounts.id', 'invoices.account_id')
          .select(['invoices.number', 'invoices.currency', 'invoices.open_minor', 'invoices.due_date', 'accounts.country']).where('invoices.number', '=', invoice).executeTakeFirst();
        if (!inv) throw new DunwiseError(ErrorCode.notFound, `No invoice "${invoice}".`);
        const law = lawFor(inv.country, inv.currency);
        if (!law) throw new DunwiseError(ErrorCode.unsupported, `No statutory late-payment law is known for a ${inv.currency} claim against a customer in ${inv.country}; use \`dunwise interest calc --law contractual\`.`);
        const currency = asCurrency(inv.currency) as CurrencyCode;
        const until = app.clock.today(app.config.timeZone);
        const result = calculateInterest({ law: law.law, principalMinor: BigInt(inv.open_minor), currency, dueDate: inv.due_date as LocalDate, until, tables: shippedRateTables });
        print(ctx, result, currency, o.json ?? false, `${invoice} (${law.label}), open ${inv.currency} ${formatGrouped(BigInt(inv.open_minor), currency)}, due ${inv.due_date}, until ${until}`);
      });
    });
  interest
    .command('calc')
    .description('calculate interest on a principal: EU 2011/7/EU, UK 1998 Act, German §288 BGB, French L441-10, or a contractual rate')
    .addOption(new Option('--law <law>', 'which rule').choices(['eu', 'uk', 'de', 'fr', 'contractual']).makeOptionMandatory())
    .requiredOption('--principal <amount>', 'the unpaid amount, e.g. 1000.00')
    .requiredOption('--currency <code>', 'ISO 4217 currency')
    .requiredOption('--due <date>', 'the due date (interest starts the day after)')
    .requiredOption('--until <date>', 'the last day interest accrues for (inclusive)')
    .option('--consumer', 'a consumer debt (§288 BGB: base rate + 5 points, no fixed compensation)')
    .option('--rate <percent>', 'contractual rate per year, e.g. 9.5')
    .option('--fee <amount>', 'contractual fixed fee')
    .addOption(new Option('--day-count <convention>', 'day count').choices(['act/365', 'act/360', 'act/act']).default('act/365'))
    .option('--rates <file>', 'a JSON rate table extending the shipped ones {"table": "ecbMro"|"deBasiszinssatz"|"boeBankRate", ...} (repeatable)', (v: string, all: string[] = []) => [...all, v])
    .option('--json', 'print {interest, fixedCompensation, ratePercent, days} as decimal strings')
    .action((o: CalcFlags, cmd: Command) => {
      // --json may land on the parent `interest` command, which has the same option.
      const json = o.json ?? cmd.optsWithGlobals<{ json?: boolean }>().json ?? false;
      const currency = asCurrency(o.currency);
      if (!currency) invalid(`--currency: "${o.currency}" is not an ISO 4217 currency code`);
      const principal = parseDecimal(o.principal, currency);
      if (principal.kind === 'error') invalid(`--principal: ${principal.reason}`);
      const due = parseLocalDate(o.due);
      const until = parseLocalDate(o.until);
      if (!due) invalid(`--due must be a date like 2026-01-31, not "${o.due}"`);
      if (!until) invalid(`--until must be a date like 2026-03-31, not "${o.until}"`);
      let fee: bigint | undefined;
      if (o.fee !== undefined) {
        const f = parseDecimal(o.fee, currency);
        if (f.kind === 'error') invalid(`--fee: ${f.reason}`);
        fee = f.minor;
      }
      const result = calculateInterest({
        law: o.law as InterestLaw, principalMinor: principal.minor, currency, dueDate: due, until, businessToBusiness: !o.consumer,
        dayCount: o.dayCount as 'act/365', tables: extendTables(o.rates ?? []),
        ...(o.rate !== undefined ? { contractualRatePercent: o.rate } : {}), ...(fee !== undefined ? { contractualFixedFeeMinor: fee } : {}),
      });
      print(ctx, result, currency, json, `${o.law} on ${currency} ${formatGrouped(principal.minor, currency)}, due ${due}, until ${until}`);
    });
}

function extendTables(files: readonly string[]): RateTables {
  let tables: RateTables = shippedRateTables;
  for (const file of files) {
    let ext: { table?: unknown };
    try {
      ext = JSON.parse(readFileSync(file, 'utf8')) as { table?: unknown };
    } catch (error) {
      throw new DunwiseError(ErrorCode.invalidInput, `cannot read the rate table ${file}: ${(error as Error).message}`);
    }
    const name = ext.table;
    if (name !== 'ecbMro' && name !== 'deBasiszinssatz' && name !== 'boeBankRate') invalid(`${file}: "table" must be ecbMro, deBasiszinssatz or boeBankRate`);
    const base = tables[name];
    if (!base) invalid(`${file}: no shipped table ${name}`);
    const merged = mergeRateTable(base, ext);
    if (merged.kind === 'error') invalid(`${file}: ${merged.reason}`);
    tables = { ...tables, [name]: merged.table };
  }
  return tables;
}

function print(ctx: CommandContext, r: InterestResult, currency: CurrencyCode, json: boolean, title: string): void {
  if (r.kind === 'rate_unknown') {
    throw new DunwiseError(ErrorCode.unsupported, `The ${r.table} rate for ${r.needsRateFor} is not known to this Dunwise (its table runs to ${r.knownUntil}); add it with --rates <file> rather than guessing.`);
  }
  if (r.kind === 'error') invalid(r.reason);
  if (json) {
    ctx.io.out(toJson({ interest: formatDecimal(r.interestMinor, currency), fixedCompensation: formatDecimal(r.fixedCompensationMinor, currency), ratePercent: r.ratePercent, days: String(r.days) }));
    return;
  }
  const lines = [title, '', ...r.periods.map((p) => `  ${p.from} to ${p.to}: ${p.days} days at ${p.ratePercent} %${p.referenceRatePercent ? ` (reference ${p.referenceRatePercent} %)` : ''} = ${currency} ${formatGrouped(p.interestMinor, currency)}`)];
  lines.push('', `Interest: ${currency} ${formatGrouped(r.interestMinor, currency)} over ${r.days} days (${r.dayCount}, ${r.rounding})`, `Fixed compensation: ${currency} ${formatGrouped(r.fixedCompensationMinor, currency)}`);
  ctx.io.out(lines.join('\n'));
}
