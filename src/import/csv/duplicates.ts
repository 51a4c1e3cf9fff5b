import { createHash } from 'node:crypto';

/** What a key seen again means: new, an identical repeat, or a conflict with an earlier line. */
export type Repeat =
  | { readonly kind: 'new' }
  | { readonly kind: 'same' }
  | { readonly kind: 'different'; readonly firstLine: number };

/**
 * Remembers each key (an invoice number, a payment ref) with a 64-bit hash of its content
 * and its first line, so a million-row file costs a few dozen bytes a row, not the rows.
 */
export function createRepeatCheck(): (key: string, content: unknown, line: number) => Repeat {
  const seen = new Map<string, string>();
  return (key, content, line) => {
    const hash = contentHash(content);
    const earlier = seen.get(key);
    if (earlier === undefined) {
      seen.set(key, `${hash}${line}`);
      return { kind: 'new' };
    }
    if (earlier.startsWith(hash)) return { kind: 'same' };
    return { kind: 'different', firstLine: Number(earlier.slice(hash.length)) };
  };
}

/** A short, stable hash of a record (bigints included). */
export function contentHash(content: unknown): string {
  const json = JSON.stringify(content, (_key, value: unknown) => (typeof value === 'bigint' ? `${value}n` : value));
  return createHash('sha256').update(json).digest('base64url').slice(0, 11);
}
