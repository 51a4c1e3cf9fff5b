import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CurrencyCode } from '../core/currency.ts';
import { formatAmount, formatLocalDate, formattingLocale } from './format.ts';

const c = (code: string) => code as CurrencyCode;
// Intl uses no-break spaces: U+00A0 (nl, de-AT) and the narrow U+202F (fr).
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

test('amounts per language, from the bigint', () => {
  assert.equal(formatAmount(123_456n, c('EUR'), 'de'), '1.234,56\u00a0€');
  assert.equal(formatAmount(123_456n, c('EUR'), 'en'), '€1,234.56');
  assert.equal(plain(formatAmount(123_456n, c('EUR'), 'fr')), '1 234,56 €');
  assert.equal(plain(formatAmount(123_456n, c('EUR'), 'nl')), '€ 1.234,56');
  assert.equal(plain(formatAmount(12_345_678n, c('EUR'), 'es')), '123.456,78 €');
  assert.equal(formatAmount(123_456n, c('USD'), 'en'), '$1,234.56');
  assert.equal(formatAmount(5n, c('EUR'), 'en'), '€0.05');
  assert.equal(formatAmount(-123_456n, c('GBP'), 'en'), '-£1,234.56');
});

test('zero- and three-decimal currencies keep their exponent', () => {
  assert.equal(formatAmount(1_234n, c('JPY'), 'en'), '¥1,234');
  assert.equal(plain(formatAmount(1_234_567n, c('KWD'), 'en')), 'KWD 1,234.567');
});

test('the largest amount prints every digit: a float would lose the last one', () => {
  // 9007199254740.991 is not representable as a double (it is ...740.990234375).
  assert.equal(
    plain(formatAmount(9_007_199_254_740_991n, c('KWD'), 'en')),
    'KWD 9,007,199,254,740.991',
  );
  assert.equal(
    plain(formatAmount(9_007_199_254_740_991n, c('KWD'), 'de')),
    '9.007.199.254.740,991 KWD',
  );
});

test('a locale with other digits is refused rather than misprinted', () => {
  assert.throws(() => formatAmount(123n, c('EUR'), 'ar-EG-u-nu-arab'), /exactly/);
});

test('dates per language, long and medium', () => {
  assert.equal(formatLocalDate('2025-03-01', 'en'), 'March 1, 2025');
  assert.equal(formatLocalDate('2025-03-01', 'en-GB'), '1 March 2025');
  assert.equal(formatLocalDate('2025-03-01', 'de'), '1. März 2025');
  assert.equal(formatLocalDate('2025-03-01', 'de', 'medium'), '01.03.2025');
  assert.equal(formatLocalDate('2025-03-01', 'fr'), '1 mars 2025');
  assert.equal(formatLocalDate('2025-03-01', 'es'), '1 de marzo de 2025');
  assert.equal(formatLocalDate('2025-03-01', 'nl'), '1 maart 2025');
  assert.throws(() => formatLocalDate('2025-02-30', 'en'), /not a date/);
});

test('formatting follows the contact tag only when the templates are in its language', () => {
  assert.equal(formattingLocale('de-CH', 'de'), 'de-CH');
  assert.equal(formattingLocale('it', 'en'), 'en');
  assert.equal(formattingLocale('en_GB', 'en'), 'en-GB');
});
