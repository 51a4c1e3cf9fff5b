/**
 * Builds a case-insensitive sticky regex from readable source: a literal space matches any run
 * of whitespace, " ?" any or none, and a match must end at a word boundary (or punctuation).
 */
export function phrase(source: string): RegExp {
  return new RegExp(
    String.raw`(?:${source.replace(/ \?/g, String.raw`\s*`).replace(/ /g, String.raw`\s+`)})(?![\p{L}\p{N}])`,
    'iyu',
  );
}

/** Matches `re` at `at` in `text`, or null. */
export function matchAt(re: RegExp, text: string, at: number): RegExpExecArray | null {
  re.lastIndex = at;
  return re.exec(text);
}
