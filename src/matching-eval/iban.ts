// Valid-looking IBANs with correct check digits, for simulated payers.
import { mod97 } from '../core/mod97.ts';
import type { Random } from '../demo/random.ts';

/** A random IBAN of `country` with `length` characters and correct ISO 13616 check digits. */
export function randomIban(random: Random, country: string, length: number): string {
  let bban = '';
  for (let i = 0; i < length - 4; i++) bban += String(random.int(0, 9));
  const check = 98 - mod97(bban + country + '00');
  return `${country}${String(check).padStart(2, '0')}${bban}`;
}
