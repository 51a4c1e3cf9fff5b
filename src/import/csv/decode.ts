import { isAscii } from 'node:buffer';
import iconv from 'iconv-lite';

/** Text encodings a CSV file may come in; 'auto' looks at the BOM and the bytes. */
export type CsvEncoding = 'auto' | 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

type Decoder = { write(bytes: Buffer): string; end(): string };

/**
 * Decodes a byte stream into text chunks without reading it whole. 'auto': a BOM decides
 * (UTF-8, UTF-16 LE/BE); without one, the first non-ASCII bytes decide between UTF-8 and
 * Windows-1252 (what Excel on Windows writes), since ASCII is the same in both.
 */
export async function* decodeText(
  input: AsyncIterable<Buffer | Uint8Array | string>,
  encoding: CsvEncoding,
  onBytes: (bytes: number) => void,
): AsyncGenerator<string> {
  let decoder: Decoder | null = encoding === 'auto' ? null : decoderFor(encoding);
  let head: Buffer = Buffer.alloc(0);
  let bomChecked = false;
  for await (const chunk of input) {
    let bytes: Buffer = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    onBytes(bytes.length);
    if (!bomChecked || decoder === null) {
      head = Buffer.concat([head, bytes]);
      if (head.length < 3) continue;
      if (!bomChecked) {
        bomChecked = true;
        ({ bytes: head, decoder } = takeBom(head, decoder));
      }
      if (decoder === null) {
        const at = isAscii(head) ? -1 : firstNonAscii(head);
        // Wait until the first non-ASCII character is complete (at most 4 bytes) to judge it.
        if (at === -1 || head.length - at < 4) {
          const ascii = at === -1 ? head : head.subarray(0, at);
          head = at === -1 ? Buffer.alloc(0) : head.subarray(at);
          if (ascii.length > 0) yield ascii.toString('latin1');
          continue;
        }
        decoder = decoderFor(looksLikeUtf8(head.subarray(at)) ? 'utf-8' : 'windows-1252');
      }
      bytes = head;
      head = Buffer.alloc(0);
    }
    const text = decoder.write(bytes);
    if (text !== '') yield text;
  }
  if (head.length > 0) {
    const rest = bomChecked ? { bytes: head, decoder } : takeBom(head, decoder);
    decoder = rest.decoder ?? decoderFor(looksLikeUtf8(rest.bytes, false) ? 'utf-8' : 'windows-1252');
    const text = decoder.write(rest.bytes);
    if (text !== '') yield text;
  }
  const tail = decoder?.end() ?? '';
  if (tail !== '') yield tail;
}

function firstNonAscii(bytes: Buffer): number {
  for (let i = 0; i < bytes.length; i++) if ((bytes[i] as number) >= 0x80) return i;
  return -1;
}

function takeBom(head: Buffer, decoder: Decoder | null): { bytes: Buffer; decoder: Decoder | null } {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) {
    return { bytes: head.subarray(3), decoder: decoder ?? decoderFor('utf-8') };
  }
  if (head[0] === 0xff && head[1] === 0xfe) return { bytes: head.subarray(2), decoder: decoder ?? decoderFor('utf-16le') };
  if (head[0] === 0xfe && head[1] === 0xff) return { bytes: head.subarray(2), decoder: decoder ?? decoderFor('utf-16be') };
  return { bytes: head, decoder };
}

function looksLikeUtf8(bytes: Buffer, more = true): boolean {
  try {
    // stream: true tolerates a sequence cut at the end of the chunk.
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: more });
    return true;
  } catch {
    return false;
  }
}

function decoderFor(encoding: Exclude<CsvEncoding, 'auto'>): Decoder {
  if (encoding === 'utf-8') {
    const d = new TextDecoder('utf-8', { ignoreBOM: true });
    return { write: (b) => d.decode(b, { stream: true }), end: () => d.decode() };
  }
  const d = iconv.getDecoder(encoding === 'windows-1252' ? 'win1252' : encoding, { stripBOM: false });
  return { write: (b) => d.write(b), end: () => d.end() ?? '' };
}
