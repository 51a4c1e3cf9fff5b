// The XRechnung test suite states each business case twice, in UBL and in CII: both must give
// the same import record.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { fixturePath, readFixture } from '../../../test/fixtures.ts';
import { parseEInvoice, toInvoiceRecord } from './index.ts';
import type { InvoiceRecord } from '../../core/ledger.ts';

const dir = 'einvoices/xrechnung-testsuite';

// Where the twins genuinely differ in content, not in reading: UBL's schema makes
// OrderReference/cbc:ID mandatory next to SalesOrderID (BT-14), so the UBL file carries a
// placeholder order number (BT-13) "Dummywert" that the CII file has no counterpart for.
const knownDifferences: Record<
  string,
  Partial<Record<keyof InvoiceRecord, [ubl: unknown, cii: unknown]>>
> = {
  '01.10a': { poNumber: ['Dummywert', null] },
};

function pairs(): [string, string, string][] {
  const files = readdirSync(fixturePath(dir));
  return files
    .filter((f) => f.endsWith('_ubl.xml'))
    .map(
      (ubl) =>
        [ubl.replace(/[-_].*$/, ''), ubl, ubl.replace(/_ubl\.xml$/, '_uncefact.xml')] as [
          string,
          string,
          string,
        ],
    )
    .filter(([, , cii]) => files.includes(cii));
}

async function record(file: string): Promise<InvoiceRecord> {
  const result = await parseEInvoice(readFixture(`${dir}/${file}`), file);
  assert.ok(result.ok, `${file}: ${result.ok ? '' : result.error.message}`);
  return toInvoiceRecord(result.invoice);
}

void test('the suite has at least the 12 UBL/CII pairs we know of', () => {
  assert.ok(pairs().length >= 12, `found ${pairs().length} pairs`);
});

for (const [caseId, ublFile, ciiFile] of pairs()) {
  void test(`XRechnung case ${caseId}: UBL and CII give the same InvoiceRecord`, async () => {
    const ubl: Record<string, unknown> = { ...(await record(ublFile)) };
    const cii: Record<string, unknown> = { ...(await record(ciiFile)) };
    for (const [field, [ublValue, ciiValue]] of Object.entries(knownDifferences[caseId] ?? {})) {
      assert.deepEqual(
        [ubl[field], cii[field]],
        [ublValue, ciiValue],
        `known difference in ${field}`,
      );
      delete ubl[field];
      delete cii[field];
    }
    assert.deepEqual(ubl, cii);
  });
}
