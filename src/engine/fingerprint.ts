import { hash } from 'node:crypto';

/**
 * A short, stable fingerprint of a record's fields (key order does not matter): two imports
 * of the same data give the same fingerprint, so re-importing changes nothing.
 */
export function fingerprint(record: object): string {
  const keys = Object.keys(record).sort();
  let canonical = '';
  for (const key of keys) canonical += `${key}\u0001${valueText((record as Record<string, unknown>)[key])}\u0002`;
  return hash('sha256', canonical, 'base64url').slice(0, 22);
}

function valueText(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return value;
    case 'number':
    case 'bigint':
    case 'boolean':
      return value.toString();
    case 'undefined':
      return '\u0003';
    default:
      return value === null ? '\u0000' : JSON.stringify(value, bigintAsString);
  }
}

function bigintAsString(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? value.toString() : value;
}
