import { test } from 'node:test';
import assert from 'node:assert/strict';
import { asCurrency, type CurrencyCode } from '../../core/currency.ts';
import { parseDecimal } from '../../core/money.ts';
import { normalizeLocaleNumber, type DecimalStyle } from './numbers.ts';
import { createValueReader, type Read } from './values.ts';

// The reader takes a shortcut for plain amounts ("1234", "89.19"); it must answer exactly what
// the general path (normalizeLocaleNumber, then parseDecimal) answers, and learn the same style.
function reference(start: DecimalStyle | null): (text: string, currency: CurrencyCode) => Read<bigint> {
  let decimal = start;
  return (text, currency) => {
    const local = normalizeLocaleNumber(text, decimal);
    if (local.kind === 'ambiguous') return { ok: false, reason: 'ambiguous' };
    if (local.kind === 'error') return { ok: false, reason: local.reason };
    if (decimal === null && local.evidence !== null) decimal = local.evidence;
    const exact = parseDecimal(local.plain, currency);
    return exact.kind === 'ok' ? { ok: true, value: exact.minor } : { ok: false, reason: exact.reason };
  };
}

const texts = [
  '0', '7', '10', '1234', '007', '0.5', '10.00', '89.19', '1.5', '1.234', '12.345', '123.456', '1234.567', '0.123', '012.345',
  '1.230', '1.2300', '100.000', '5.', '.5', '1..2', '1.2.3', '12,50', '1,234.56', '-5.00', ' 5.00', '5.00 ', 'EUR 5.00', '',
  '999999999999999', '9999999999999.99', '99999999999999.99', '90071992547409.92', '123456789012345678', '0000000000000000001.00',
];
const currencies = ['EUR', 'JPY', 'KWD'].map((c) => asCurrency(c) as CurrencyCode);

test('plain amounts read as the general path reads them, in every decimal state', () => {
  for (const start of [null, 'dot', 'comma'] as const) {
    for (const currency of currencies) {
      // One reader per sequence, so the style learnt from an earlier text carries over.
      for (const order of [texts, [...texts].reverse()]) {
        const reader = createValueReader({ file: 'x.csv', decimal: start ?? 'auto' });
        const expect = reference(start);
        for (const text of order) {
          const got = reader.amount(text, currency);
          const want = expect(text, currency);
          assert.equal(got.ok, want.ok, `${JSON.stringify(text)} ${currency} from ${start}`);
          if (got.ok && want.ok) assert.equal(got.value, want.value, `${JSON.stringify(text)} ${currency} from ${start}`);
        }
      }
    }
  }
});
