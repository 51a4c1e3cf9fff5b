// Turns the bytes of an XML file into text, honouring a byte-order mark or the declared
// encoding, and refuses DTDs before any parser sees them.
import iconv from 'iconv-lite';
import type { EInvoiceError } from './types.ts';

/** Decoded XML text, or why the bytes could not be decoded. */
export type XmlText =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly error: EInvoiceError };

/** Decodes XML bytes (UTF-8 with or without BOM, UTF-16 with BOM, or a declared legacy encoding). */
export function decodeXml(bytes: Uint8Array): XmlText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return utf8(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return ok(iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16le'));
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return ok(iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16be'));
  const head = Buffer.from(bytes.subarray(0, 200)).toString('latin1');
  const declared = /^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(head)?.[1];
  if (declared === undefined || /^utf-?8$/i.test(declared)) return utf8(bytes);
  const shown: string = declared; // encodingExists is a type guard: `declared` is `never` below
  if (!iconv.encodingExists(declared)) {
    return fail(
      `unsupported character encoding "${shown}" in the XML declaration`,
      'line 1, column 1',
    );
  }
  return ok(iconv.decode(Buffer.from(bytes), declared));
}

/**
 * Refuses DOCTYPE and ENTITY declarations: e-invoice schemas never use them, and they are the
 * door for external-entity (XXE) reads and entity-expansion ("billion laughs") attacks.
 */
export function refuseDtd(text: string): EInvoiceError | null {
  const match = /<!(DOCTYPE|ENTITY)/i.exec(text);
  if (!match) return null;
  const kind = (match[1] ?? '').toUpperCase();
  return {
    message: `refused: the XML contains a <!${kind} declaration; DTDs and entities are not allowed in e-invoices (XXE and entity-expansion protection)`,
    where: lineColumn(text, match.index),
  };
}

/** "line L, column C" (both 1-based) of a character offset in `text`. */
export function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return `line ${line}, column ${column}`;
}

function utf8(bytes: Uint8Array): XmlText {
  try {
    return ok(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return fail('the file is not valid UTF-8 (and declares no other encoding)', 'line 1, column 1');
  }
}

function ok(text: string): XmlText {
  return { ok: true, text: text.replace(/^\uFEFF/, '') };
}

function fail(message: string, where: string): XmlText {
  return { ok: false, error: { message, where } };
}
