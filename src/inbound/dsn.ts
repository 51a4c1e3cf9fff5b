// Reads the per-recipient field groups of an RFC 3464 delivery-status report. Works on the
// message/delivery-status part and, for malformed reports, on any text holding such fields.

/** One recipient's fields from a delivery-status report. */
export type DsnRecipient = {
  readonly recipient: string | null;
  readonly action: string | null;
  readonly status: string | null;
  readonly diagnosticType: string | null;
  readonly diagnostic: string | null;
};

/** Splits field text into blank-line separated groups of lower-cased fields (folded lines joined). */
export function fieldGroups(text: string): Map<string, string>[] {
  const groups: Map<string, string>[] = [];
  let current = new Map<string, string>();
  let last: string | null = null;
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    if (line.trim() === '') {
      if (current.size > 0) groups.push(current);
      current = new Map();
      last = null;
      continue;
    }
    if (/^[ \t]/.test(line) && last !== null) {
      current.set(last, `${current.get(last) ?? ''} ${line.trim()}`);
      continue;
    }
    const m = /^([A-Za-z][A-Za-z0-9-]*):\s*(.*)$/.exec(line);
    if (m) {
      last = (m[1] ?? '').toLowerCase();
      current.set(last, (m[2] ?? '').trim());
    } else {
      last = null;
    }
  }
  if (current.size > 0) groups.push(current);
  return groups;
}

function address(value: string | undefined): string | null {
  if (value === undefined) return null;
  const bare = value.includes(';') ? value.slice(value.indexOf(';') + 1) : value;
  const m = /<?([^\s<>;"]+@[^\s<>;"]+?)>?\s*$/.exec(bare.trim());
  return m?.[1]?.toLowerCase() ?? null;
}

/** The recipients of a delivery-status text, in order; empty when it holds none. */
export function parseDsn(text: string): DsnRecipient[] {
  return fieldGroups(text)
    .filter((g) => g.has('final-recipient') || g.has('original-recipient') || (g.has('action') && g.has('status')))
    .map((g) => {
      const diag = g.get('diagnostic-code') ?? null;
      const statusMatch = /\d\.\d{1,3}\.\d{1,3}/.exec(g.get('status') ?? '');
      return {
        recipient: address(g.get('final-recipient')) ?? address(g.get('original-recipient')),
        action: g.get('action')?.toLowerCase().trim() ?? null,
        status: statusMatch?.[0] ?? null,
        diagnosticType: diag?.includes(';') ? diag.slice(0, diag.indexOf(';')).trim().toLowerCase() : null,
        diagnostic: diag?.includes(';') ? diag.slice(diag.indexOf(';') + 1).trim() : diag,
      };
    });
}
