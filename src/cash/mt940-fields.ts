// Splitting SWIFT MT940/MT942 text into messages and tagged fields, keeping line numbers.

/** One `:tag:value` field; continuation lines are joined to the value with "\n". */
export type Mt940Field = { readonly tag: string; readonly value: string; readonly line: number };

/** One message, from its `:20:` to the `-` that ends it (or the next `:20:`). */
export type Mt940Message = { readonly fields: readonly Mt940Field[]; readonly line: number };

const tagLine = /^:(\d{2}[A-Z]?|NS):(.*)$/;
// C0 controls other than tab and line breaks (SOH/ETX framing, stray binary bytes), and DEL.
const controls = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/**
 * Splits a file into messages. Tolerates SWIFT block framing (`{1:...}{4:` ... `-}{5:}`),
 * bank header lines before the first tag (`940`, `0000 01INGBNL2A...`), CRLF or LF, control
 * characters, and a tag split over two lines (`:` then `86:...`, as one Sparkasse export has).
 */
export function splitMessages(text: string): Mt940Message[] {
  const lines = text.replace(controls, '').split(/\r\n|\r|\n/);
  const messages: Mt940Message[] = [];
  let fields: Mt940Field[] = [];
  let start = 0;
  const close = (): void => {
    if (fields.length > 0) messages.push({ fields, line: start });
    fields = [];
  };
  for (let i = 0; i < lines.length; i++) {
    let line = (lines[i] ?? '').replace(/^(\{\d:[^}]*\})*\{4:/, '');
    const lineNo = i + 1;
    if (line === ':' && /^\d{2}[A-Z]?:/.test(lines[i + 1] ?? '')) {
      line = ':' + (lines[i + 1] ?? '');
      i++;
    }
    if (/^-\}?(\{5:.*\})?\s*$/.test(line) || /^\}?\{5:/.test(line)) {
      close();
      continue;
    }
    const tag = tagLine.exec(line);
    if (tag) {
      if (tag[1] === '20') close();
      if (fields.length === 0) start = lineNo;
      fields.push({ tag: tag[1] ?? '', value: tag[2] ?? '', line: lineNo });
      continue;
    }
    const last = fields.pop();
    if (last === undefined) continue; // header lines before the first tag
    fields.push({ ...last, value: `${last.value}\n${line}` });
  }
  close();
  return messages;
}
