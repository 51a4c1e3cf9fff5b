import { hash } from 'node:crypto';

/**
 * A short, stable fingerprint of a record's fields (key order does not matter): two imports
 * of the same data give the same fingerprint, so re-importing changes nothing.
 */
export function fingerprint(record: object): string {
  const keys = Object.keys(record).sort();
  let canonical = '';
  for (const key of keys) {
    const value: unknown = (record as Record<string, unknown>)[key];
    canonical += `${key}\u0001${value === null ? '\u0000' : typeof value === 'object' ? JSON.stringify(value, bigintAsString) : String(value)}\u0002`;
  }
  return hash('sha256', canonical, 'base64url').slice(0, 22);
}

function bigintAsString(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? value.toString() : value;
}
