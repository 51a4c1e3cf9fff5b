import boeJson from '../../../data/rates/boe-bank-rate.json' with { type: 'json' };
import deJson from '../../../data/rates/de-basiszinssatz.json' with { type: 'json' };
import ecbJson from '../../../data/rates/ecb-mro.json' with { type: 'json' };
import { parseRateTable, type RateTable, type RateTables } from './rates.ts';

function checked(name: string, value: unknown): RateTable {
  const parsed = parseRateTable(value);
  // A shipped table that fails its own schema is a build defect, not user input.
  if (parsed.kind === 'error') throw new TypeError(`data/rates/${name}: ${parsed.reason}`);
  return parsed.table;
}

/** The rate tables shipped in data/rates (see each table's source, attribution and knownUntil). */
export const shippedRateTables: RateTables = {
  deBasiszinssatz: checked('de-basiszinssatz.json', deJson),
  ecbMro: checked('ecb-mro.json', ecbJson),
  boeBankRate: checked('boe-bank-rate.json', boeJson),
};
