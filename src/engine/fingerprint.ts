import { createHash } from 'node:crypto';

/**
 * A short, stable fingerprint of a record's fields (key order does not matter): two imports
 * of the same data give the same fingerprint, so re-importing changes nothing.
 */
export function fingerprint(record: object): string {
  const fields = Object.entries(record).sort(([a], [b]) => (a < b ? -1 : 1));
  const canonical = JSON.stringify(fields, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
  return createHash('sha256').update(canonical).digest('base64url').slice(0, 22);
}
