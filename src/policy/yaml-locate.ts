import { isMap, isPair, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';

/** A zod path as people read it: ['steps', 2, 'channels', 0] -> "steps[2].channels[0]". */
export function fieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out;
}

function child(node: unknown, part: PropertyKey): { value: unknown; key: Node | null } | null {
  if (isSeq(node) && typeof part === 'number') return { value: node.items[part], key: null };
  if (isMap(node)) {
    for (const pair of node.items) {
      if (isPair(pair) && isScalar(pair.key) && pair.key.value === part) {
        return { value: pair.value, key: pair.key };
      }
    }
  }
  return null;
}

function startOf(node: unknown): number | null {
  if (node !== null && typeof node === 'object' && 'range' in node && Array.isArray(node.range)) {
    const start: unknown = node.range[0];
    return typeof start === 'number' ? start : null;
  }
  return null;
}

/**
 * The 1-based line of the node at `path`: the deepest node that exists (a missing field points
 * at its parent). With `atKey`, the line of that key in the map at `path` (an unknown field).
 */
export function lineOf(
  doc: Document,
  counter: LineCounter,
  path: readonly PropertyKey[],
  atKey?: string,
): number | null {
  let node: unknown = doc.contents;
  let best = startOf(node);
  for (const part of atKey === undefined ? path : [...path, atKey]) {
    const next = child(node, part);
    if (next === null) break;
    // A key's line is where a value on the next line (a block list or map) belongs.
    best = startOf(next.value) ?? startOf(next.key) ?? best;
    if (atKey !== undefined && part === atKey && next.key !== null)
      best = startOf(next.key) ?? best;
    node = next.value;
  }
  return best === null ? null : counter.linePos(best).line;
}
