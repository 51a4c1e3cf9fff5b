import { hash } from 'node:crypto';

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

/** The stand-in when the caller checks repeats itself: every key is new. */
export const noRepeatCheck = (): Repeat => ({ kind: 'new' });

/** A short, stable hash of a record (bigints included). */
export function contentHash(content: unknown): string {
  let text = '';
  if (typeof content === 'object' && content !== null) {
    // Records of one file share a shape, so field order is stable; only values are written.
    for (const value of Object.values(content)) {
      text += value === null ? '\u0000\u0002' : typeof value === 'object' ? `${JSON.stringify(value, bigintAsText)}\u0002` : `${String(value)}\u0002`;
    }
  } else {
    text = String(content);
  }
  return hash('sha256', text, 'base64url').slice(0, 11);
}

function bigintAsText(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? `${value}n` : value;
}
