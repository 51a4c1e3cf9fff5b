// Every camt fixture with an expected parse from genkgo/camt, compared field by field.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { test } from 'node:test';
import { fixturePath, readFixture } from '../../test/fixtures.ts';
import { parseStatementFile } from './parse-statement.ts';
import type { Statement, Transaction } from './statement.ts';

const dir = 'bank-statements/camt__genkgo';
const oracles = readdirSync(fixturePath(dir)).filter((f) => f.endsWith('.json'));
type Node = Record<string, any>; // genkgo's object dump: getters as keys, "__RECURSIVITY__" for repeats

/** What genkgo's entry says our transactions for it must be (see camt-entry.ts for the rules). */
function expectedTransactions(entry: Node): Node[] {
  const listed: (Node | string)[] = entry['getTransactionDetails'];
  const details = listed.map((d) =>
    typeof d === 'string' ? entry['getTransactionDetail'] : d,
  ) as Node[];
  const entryAmount = BigInt(entry['getAmount']['getAmount']);
  const entryCurrency = entry['getAmount']['getCurrency']['getCode'];
  if (details.length > 1 && details.every((d) => d['getAmount'] !== null)) {
    return details.map((d) => ({
      detail: d,
      amount: BigInt(d['getAmount']['getAmount']),
      currency: d['getAmount']['getCurrency']['getCode'],
    }));
  }
  return [{ detail: details[0] ?? null, amount: entryAmount, currency: entryCurrency }];
}

function date(d: Node | null): string | null {
  return d === null ? null : String(d['0']).slice(0, 10);
}

function checkTransaction(
  file: string,
  entry: Node,
  want: Node,
  got: Transaction | undefined,
): void {
  const at = `${file} entry ${entry['getIndex']}`;
  assert.ok(got, `${at}: transaction missing`);
  assert.equal(got.amount, want['amount'], `${at}: amount`);
  assert.equal(got.currency, want['currency'], `${at}: currency`);
  assert.equal(got.bookingDate, date(entry['getBookingDate']), `${at}: booking date`);
  assert.equal(got.valueDate, date(entry['getValueDate']), `${at}: value date`);
  const d: Node | null = want['detail'];
  const refs = d?.['getReference'] ?? null;
  const e2e = refs?.['getEndToEndId'] ?? null;
  assert.equal(got.endToEndId, e2e === 'NOTPROVIDED' ? null : e2e, `${at}: end-to-end id`);
  const bankRef =
    refs?.['getAccountServicerReference'] ?? entry['getAccountServicerReference'] ?? null;
  assert.equal(got.bankReference, bankRef, `${at}: bank reference`);
  const side = got.amount >= 0n ? 'Debtor' : 'Creditor';
  const party = (d?.['getRelatedParties'] ?? []).find((p: Node) =>
    String(p['getRelatedPartyType']['__CLASS__']).endsWith(`\\${side}`),
  );
  assert.equal(
    got.counterpartyName,
    party?.['getRelatedPartyType']['getName'] ?? null,
    `${at}: name`,
  );
  assert.equal(
    got.counterpartyAccount,
    party?.['getAccount']?.['getIdentification'] ?? null,
    `${at}: account`,
  );
  const rmt = d?.['getRemittanceInformation'] ?? null;
  const blocks = (list: (Node | string)[] | undefined, first: Node | null): Node[] =>
    (list ?? [])
      .map((b) => (typeof b === 'string' ? first : b))
      .filter((b): b is Node => b !== null);
  const ustrd = blocks(rmt?.['getUnstructuredBlocks'], rmt?.['getUnstructuredBlock'] ?? null).map(
    (b) => b['getMessage'],
  );
  const strd = blocks(rmt?.['getStructuredBlocks'], rmt?.['getStructuredBlock'] ?? null);
  const additional = strd
    .map((b) => b['getAdditionalRemittanceInformation'])
    .filter((t) => t !== null);
  const text = [...ustrd, ...additional].join(' ');
  assert.equal(got.remittance, text === '' ? null : text, `${at}: remittance`);
  const creditorRef =
    rmt?.['getCreditorReferenceInformation']?.['getRef'] ??
    strd.map((b) => b['getCreditorReferenceInformation']?.['getRef']).find((r) => r);
  assert.equal(got.reference, creditorRef ?? null, `${at}: reference`);
}

for (const oracleFile of oracles) {
  const xmlFile = oracleFile.replace(/\.json$/, '.xml');
  test(`camt ${xmlFile} matches genkgo/camt's parse`, () => {
    const oracle = JSON.parse(readFixture(`${dir}/${oracleFile}`).toString('utf8')) as Node;
    const result = parseStatementFile(readFixture(`${dir}/${xmlFile}`), xmlFile);
    assert.ok(result.ok, JSON.stringify(!result.ok && result.error));
    assert.equal(result.statements.length, oracle['getRecords'].length, 'statement count');
    const records = [
      ...oracle['getRecords'],
      ...oracle['getEntries'].map((e: Node) => e['getRecord']),
    ].filter((r): r is Node => typeof r !== 'string');
    for (const record of records) {
      const ours = result.statements.find((s) => s.id === record['getId']) as Statement;
      assert.ok(ours, `statement ${record['getId']}`);
      assert.equal(ours.account, record['getAccount']['getIdentification']);
      for (const [type, field] of [
        ['opening', 'openingBalance'],
        ['closing', 'closingBalance'],
      ] as const) {
        const bal = (record['getBalances'] ?? []).find((b: Node) => b['getType'] === type);
        const sameCurrency = bal && bal['getAmount']['getCurrency']['getCode'] === ours.currency;
        assert.equal(
          ours[field],
          sameCurrency ? BigInt(bal['getAmount']['getAmount']) : null,
          `${type} balance`,
        );
      }
    }
    // genkgo's getEntries lists each entry once; a repeated record is dumped as a recursion marker.
    let record: Node | null = null;
    const positions = new Map<string, number>();
    for (const entry of oracle['getEntries'] as Node[]) {
      if (typeof entry['getRecord'] !== 'string') record = entry['getRecord'];
      const ours = result.statements.find((s) => s.id === record?.['getId']) as Statement;
      for (const want of expectedTransactions(entry)) {
        const key = ours.id ?? '';
        const position = positions.get(key) ?? 0;
        positions.set(key, position + 1);
        checkTransaction(xmlFile, entry, want, ours.transactions[position]);
      }
    }
    const counted = [...positions.values()].reduce((a, b) => a + b, 0);
    const total = result.statements.reduce((n, s) => n + s.transactions.length, 0);
    if (oracleFile !== 'camt053.v2.multi.statement.json')
      assert.equal(total, counted, 'transaction count');
  });
}
