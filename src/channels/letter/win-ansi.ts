// pdfkit's built-in Helvetica speaks WinAnsiEncoding (Windows-1252) only. Intl output uses
// narrow and thin no-break spaces (fr "1 234,56 €"), which it lacks: map them to U+00A0,
// and anything else outside the encoding to "?", rather than print garbage.
const extra = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

/** Text safe for the standard PDF fonts. */
export function winAnsi(text: string): string {
  let out = '';
  for (const ch of text.replace(/[\u202f\u2009\u2007]/g, '\u00a0')) {
    const code = ch.codePointAt(0) ?? 0;
    const latin1 = code === 0x0a || (code >= 0x20 && code < 0x7f) || (code >= 0xa0 && code <= 0xff);
    out += latin1 || extra.has(ch) ? ch : '?';
  }
  return out;
}
