// Bytes to text for bank files, which still arrive in legacy code pages.
import iconv from 'iconv-lite';

/** The text of a file and the encoding it was read with. */
export type DecodedText = { readonly text: string; readonly encoding: string };

/**
 * Decodes UTF-8 (with or without a byte-order mark). Bytes that are not valid UTF-8 mean a
 * legacy code page: Windows-1252 (Western Europe) unless CP852 (Central Europe, as Hungarian
 * and Czech banks use) turns more of the non-ASCII bytes into letters.
 */
export function decodeBankText(bytes: Uint8Array): DecodedText {
  const body = hasUtf8Bom(bytes) ? bytes.subarray(3) : bytes;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8' };
  } catch {
    const buffer = Buffer.from(body);
    const western = iconv.decode(buffer, 'win1252');
    const central = iconv.decode(buffer, 'cp852');
    return letterScore(central) > letterScore(western)
      ? { text: central, encoding: 'cp852' }
      : { text: western, encoding: 'windows-1252' };
  }
}

function hasUtf8Bom(bytes: Uint8Array): boolean {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

/** Non-ASCII letters count for a code page, box-drawing and symbols against it. */
function letterScore(text: string): number {
  let score = 0;
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) continue;
    score += /\p{L}/u.test(ch) ? 1 : -1;
  }
  return score;
}
