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
// million records of the same shape). The last shape is compared key by key, which is cheaper
// than joining the keys into a lookup string for every record.
const sorted = new Map<string, readonly string[]>();
let lastKeys: readonly string[] = [];
let lastSorted: readonly string[] = [];

function sortedKeys(keys: string[]): readonly string[] {
  if (sameKeys(keys, lastKeys)) return lastSorted;
  const shape = keys.join('\u0001');
  let order = sorted.get(shape);
  if (order === undefined) {
    if (sorted.size >= 64) sorted.clear();
    order = [...keys].sort();
    sorted.set(shape, order);
  }
  lastKeys = keys;
  lastSorted = order;
  return order;
}

function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
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
