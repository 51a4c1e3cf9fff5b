/**
 * ISO 4217 currency codes and their minor-unit exponents.
 * Source: ISO 4217 list one (SIX Group, amendment 177, 2024); funds codes included.
 */
// prettier-ignore
const zeroDecimal = [
  'BIF', 'CLP', 'DJF', 'GNF', 'ISK', 'JPY', 'KMF', 'KRW', 'PYG', 'RWF', 'UGX', 'UYI', 'VND',
  'VUV', 'XAF', 'XOF', 'XPF',
] as const;
const threeDecimal = ['BHD', 'IQD', 'JOD', 'KWD', 'LYD', 'OMR', 'TND'] as const;
const fourDecimal = ['CLF', 'UYW'] as const;
// prettier-ignore
const twoDecimal = [
  'AED', 'AFN', 'ALL', 'AMD', 'AOA', 'ARS', 'AUD', 'AWG', 'AZN', 'BAM', 'BBD', 'BDT', 'BGN',
  'BMD', 'BND', 'BOB', 'BOV', 'BRL', 'BSD', 'BTN', 'BWP', 'BYN', 'BZD', 'CAD', 'CDF', 'CHE',
  'CHF', 'CHW', 'CNY', 'COP', 'COU', 'CRC', 'CUP', 'CVE', 'CZK', 'DKK', 'DOP', 'DZD', 'EGP',
  'ERN', 'ETB', 'EUR', 'FJD', 'FKP', 'GBP', 'GEL', 'GHS', 'GIP', 'GMD', 'GTQ', 'GYD', 'HKD',
  'HNL', 'HTG', 'HUF', 'IDR', 'ILS', 'INR', 'IRR', 'JMD', 'KES', 'KGS', 'KHR', 'KPW', 'KYD',
  'KZT', 'LAK', 'LBP', 'LKR', 'LRD', 'LSL', 'MAD', 'MDL', 'MGA', 'MKD', 'MMK', 'MNT', 'MOP',
  'MRU', 'MUR', 'MVR', 'MWK', 'MXN', 'MXV', 'MYR', 'MZN', 'NAD', 'NGN', 'NIO', 'NOK', 'NPR',
  'NZD', 'PAB', 'PEN', 'PGK', 'PHP', 'PKR', 'PLN', 'QAR', 'RON', 'RSD', 'RUB', 'SAR', 'SBD',
  'SCR', 'SDG', 'SEK', 'SGD', 'SHP', 'SLE', 'SOS', 'SRD', 'SSP', 'STN', 'SVC', 'SYP', 'SZL',
  'THB', 'TJS', 'TMT', 'TOP', 'TRY', 'TTD', 'TWD', 'TZS', 'UAH', 'USD', 'USN', 'UYU', 'UZS',
  'VED', 'VES', 'WST', 'XCD', 'XCG', 'YER', 'ZAR', 'ZMW', 'ZWG',
] as const;

export type CurrencyCode = string & { readonly __brand: 'CurrencyCode' };

const exponents: ReadonlyMap<string, number> = new Map<string, number>([
  ...zeroDecimal.map((c) => [c, 0] as const),
  ...twoDecimal.map((c) => [c, 2] as const),
  ...threeDecimal.map((c) => [c, 3] as const),
  ...fourDecimal.map((c) => [c, 4] as const),
]);

/** Returns the currency code (upper-cased) when it is an active ISO 4217 code, else null. */
export function asCurrency(text: string): CurrencyCode | null {
  const code = text.trim().toUpperCase();
  return exponents.has(code) ? (code as CurrencyCode) : null;
}

/** The number of minor-unit decimals of a currency (JPY 0, EUR 2, KWD 3). */
export function exponentOf(currency: CurrencyCode): number {
  const e = exponents.get(currency);
  if (e === undefined) throw new Error(`not an ISO 4217 currency: ${currency}`);
  return e;
}
