import { hash } from 'node:crypto';

/**
 * A short, stable fingerprint of a record's fields (key order does not matter): two imports
 * of the same data give the same fingerprint, so re-importing changes nothing.
 */
export function fingerprint(record: object): string {
  const keys = sortedKeys(Object.keys(record));
  let canonical = '';
  for (const key of keys) canonical += `${key}\u0001${valueText((record as Record<string, unknown>)[key])}\u0002`;
  return hash('sha256', canonical, 'base64url').slice(0, 22);
}

// Records of one kind share their keys: each key list is sorted once (an import hashes a
// million records of the same shape).
const sorted = new Map<string, readonly string[]>();

function sortedKeys(keys: string[]): readonly string[] {
  const shape = keys.join('\u0001');
  const hit = sorted.get(shape);
  if (hit !== undefined) return hit;
  if (sorted.size >= 64) sorted.clear();
  const order = keys.sort();
  sorted.set(shape, order);
  return order;
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
      if (value === null) return '\u0000';
      return Array.isArray(value) && value.length === 0 ? '[]' : JSON.stringify(value, bigintAsString);
  }
}

function bigintAsString(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? value.toString() : value;
}
