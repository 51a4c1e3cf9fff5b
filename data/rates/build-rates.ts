// Converts the reference files in ../shared/fixtures/reference into the rate tables shipped in
// data/rates/*.json. Run after a fixture changes: scripts/node data/rates/build-rates.ts
// Rates are copied as text, never through a float (the German file is JSON with numbers, so its
// numbers are read from the raw text).
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { fixturePath } from '../../test/fixtures.ts';
import { canonicalPercentText } from '../../src/core/interest/percent.ts';
import { parseRateTable, type RateChange, type RateTable } from '../../src/core/interest/rates.ts';
import type { LocalDate } from '../../src/core/local-date.ts';

const here = fileURLToPath(new URL('.', import.meta.url));
const read = (name: string) => readFileSync(fixturePath(`reference/${name}`), 'utf8');

function rate(text: string): string {
  const canonical = canonicalPercentText(text.trim());
  if (canonical === null) throw new Error(`not a decimal rate: ${text}`);
  return canonical;
}

/** Keeps only the days on which the rate differs from the day before. */
function compress(days: readonly RateChange[]): RateChange[] {
  const out: RateChange[] = [];
  for (const day of days) {
    if (out.at(-1)?.ratePercent !== day.ratePercent) out.push(day);
  }
  return out;
}

function basiszinssatz(): RateTable {
  const text = read('de_basiszinssatz_change_points.json');
  const entries = [...text.matchAll(/"(\d{4})-(\d{2})":\s*(-?\d+(?:\.\d+)?)/g)];
  return {
    source:
      'Deutsche Bundesbank, Basiszinssatz nach § 247 BGB, series BBIN1/M.DE.BBK.BBKBAS2.EUR.ME ' +
      '(https://api.statistiken.bundesbank.de/rest/download/BBIN1/M.DE.BBK.BBKBAS2.EUR.ME?format=sdmx&lang=de), ' +
      'fetched 2025-10-02 as compiled in ameax/bgb-interest data/base_rates.json (commit 8624a00b49b0)',
    attribution:
      'Quelle: Deutsche Bundesbank. Change-point list from ameax/bgb-interest (MIT licence).',
    // § 247 (1) BGB: the rate set on 1 July 2025 holds for the whole half-year.
    knownUntil: '2025-12-31' as LocalDate,
    changes: entries.map((m) => ({
      from: `${m[1]}-${m[2]}-01` as LocalDate,
      ratePercent: rate(m[3] ?? ''),
    })),
    notes:
      'The Basiszinssatz changes only on 1 January and 1 July; months without a change are not listed.',
  };
}

function ecbMro(): RateTable {
  const rows = read('ecb_mro_fixed_rate_daily_FRED_ECBMRRFR.csv').trim().split(/\r?\n/).slice(1);
  const days = rows.map((row) => {
    const [date = '', value = ''] = row.split(',');
    return { from: date as LocalDate, ratePercent: value.trim() === '' ? null : rate(value) };
  });
  const last = days.at(-1);
  if (last === undefined) throw new Error('empty ECB file');
  return {
    source:
      'European Central Bank, main refinancing operations fixed rate, as FRED series ECBMRRFR (daily, ' +
      'Federal Reserve Bank of St. Louis); fixture copy EoinB2001/Unemployment_Prediction_Ireland ECBMRRFR.csv (commit f0062d1ec919)',
    attribution:
      'Source: European Central Bank; retrieved from FRED, Federal Reserve Bank of St. Louis. ECB statistics may be reused with the source acknowledged.',
    knownUntil: last.from,
    changes: compress(days),
    notes:
      'From 2000-06-28 to 2008-10-14 the ECB ran variable-rate tenders and published no fixed rate; those days are null ' +
      '(unknown). Directive 2011/7/EU Art. 2(7) then refers to the marginal rate of the most recent operation, not the ' +
      'minimum bid rate, so neither is filled in; supply them with mergeRateTable if needed. FRED dates the 1999-2000 ' +
      'changes a few days before the ECB dates of effect; no 1 January or 1 July falls in between.',
  };
}

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function boeBankRate(): RateTable {
  const csv = read('uk_boe_bank_rate_changes_1975-2024.csv').trim().split(/\r?\n/).slice(1);
  const fromCsv = csv.map((row) => {
    const m = /^(\d{2})-([A-Za-z]{3})-(\d{2}),(.+)$/.exec(row.trim());
    if (!m) throw new Error(`unexpected Bank Rate row: ${row}`);
    const yy = Number(m[3]);
    const month = String(months.indexOf(m[2] ?? '') + 1).padStart(2, '0');
    const year = yy >= 75 ? 1900 + yy : 2000 + yy;
    return { from: `${year}-${month}-${m[1]}` as LocalDate, ratePercent: rate(m[4] ?? '') };
  });
  const md = read('boe_bank_rate_changes_after_2024-08.md');
  const later = [...md.matchAll(/^\| (\d{4}-\d{2}-\d{2}) \| (\d+(?:\.\d+)?) % \|/gm)].map((m) => ({
    from: m[1] as LocalDate,
    ratePercent: rate(m[2] ?? ''),
  }));
  const all = [...fromCsv.reverse(), ...later].sort((a, b) =>
    a.from < b.from ? -1 : a.from > b.from ? 1 : 0,
  );
  return {
    source:
      'Bank of England, Bank Rate history (official download), changes 1975-01-20..2024-08-01, fixture copy ' +
      'AbhijeetSanthosh/Topics-in-BA-CW2 "Bank Rate.csv" (commit f5b365a407d7); changes 2024-11-07..2025-08-07 and the ' +
      'November 2025 hold from public reports of Bank of England announcements (boe_bank_rate_changes_after_2024-08.md)',
    attribution: 'Contains Bank of England data (© Bank of England), reused with attribution.',
    // The md reports the rate held at 4.00 % in November 2025 without a day; the MPC announced it on 6 November 2025.
    knownUntil: '2025-11-06' as LocalDate,
    changes: compress(all),
    notes:
      'Changes after 2024-08-01 come from secondary public pages; check them against the Bank of England before relying on them.',
  };
}

function write(name: string, table: RateTable): void {
  const checked = parseRateTable(JSON.parse(JSON.stringify(table)));
  if (checked.kind === 'error') throw new Error(`${name}: ${checked.reason}`);
  const { changes, ...head } = table;
  const lines = changes.map(
    (c) => `    { "from": "${c.from}", "ratePercent": ${JSON.stringify(c.ratePercent)} }`,
  );
  const headText = JSON.stringify(head, null, 2).replace(/\n}$/, '');
  writeFileSync(`${here}${name}`, `${headText},\n  "changes": [\n${lines.join(',\n')}\n  ]\n}\n`);
  console.log(`${name}: ${changes.length} changes, known until ${table.knownUntil}`);
}

write('de-basiszinssatz.json', basiszinssatz());
write('ecb-mro.json', ecbMro());
write('boe-bank-rate.json', boeBankRate());
