/** One sentence of a plain-language policy and its position (0-based) in the text. */
export type Sentence = { readonly text: string; readonly index: number };

/**
 * Splits text into sentences at a full stop, "!" or "?" followed by a space or the end, and
 * at line breaks; never inside double quotes (ids, templates and names may hold full stops).
 * A decimal point ("EUR 500.00") is not followed by a space, so it does not split.
 */
export function splitSentences(text: string): readonly Sentence[] {
  const out: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] ?? '';
    const next = text[i + 1];
    if (quoted) {
      current += c;
      if (c === '\\' && next !== undefined) {
        current += next;
        i++;
      } else if (c === '"') quoted = false;
      continue;
    }
    if (c === '"') quoted = true;
    if (c === '\n' || c === '\r') {
      out.push(current);
      current = '';
    } else if ((c === '.' || c === '!' || c === '?') && (next === undefined || /\s/.test(next))) {
      out.push(current);
      current = '';
    } else current += c;
  }
  out.push(current);
  return out
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
    .map((s, index) => ({ text: s, index }));
}

/** Reads the body of a double-quoted string as written by `quote`. */
export function unquote(body: string): string {
  return body.replace(/\\(.)/g, '$1');
}

/** Writes a double-quoted string that `splitSentences` and `unquote` read back unchanged. */
export function quote(text: string): string {
  return `"${text.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}
