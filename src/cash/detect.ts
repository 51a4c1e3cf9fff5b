// Recognising a bank file's format from its first bytes, before any parser runs.

/** The parser family a file belongs to, or null when it is none Dunwise reads. */
export type FileFamily = 'camt' | 'mt940' | 'bai2' | 'csv';

/**
 * camt: an XML document (camt namespaces are checked by the camt parser). MT940/MT942: a
 * `:20:` transaction reference and a `:25:` account or `:60F:`/`:61:` tag, possibly inside a
 * SWIFT `{4:` block or after a bank header line. BAI2: a comma-separated first record
 * with a two-digit record code (01 is required; other codes are reported as errors there).
 * CSV: a first line of three or more cells split by one delimiter (`,` `;` tab `|`), which
 * no camt, MT940 or BAI2 file starts with; it is checked before MT940, so a remittance text
 * that happens to hold ":61:" cannot make a CSV file an MT940 one. After MT940: a first line
 * of two cells ("Account:,DE89...") above a line of three or more.
 */
export function detectFamily(text: string): FileFamily | null {
  const head = text.replace(/^[\s\u0000-\u001f\ufeff]+/, '');
  if (head.startsWith('<')) return 'camt';
  if (/^\d{2},/.test(head)) return 'bai2';
  const lines = head.split(/\r\n|\n|\r/, 12).filter((l) => l.trim() !== '');
  const first = lines[0] ?? '';
  if (cellCount(first) >= 3 && !/^[:{]/.test(first)) return 'csv';
  const tags = /(^|[\r\n{]):20:/.test(text) || head.startsWith(':20:');
  if (tags && /(^|[\r\n]):(25|25P|60F|60M|61|34F):/.test(text)) return 'mt940';
  if (/(^|[\r\n]):61:/.test(text)) return 'mt940';
  // Exports with a few "Account:,..." lines above the header.
  if (cellCount(first) >= 2 && lines.some((l) => cellCount(l) >= 3)) return 'csv';
  return null;
}

// The most cells one delimiter splits a line into, quoted text left aside.
function cellCount(line: string): number {
  const unquoted = line.replace(/"[^"]*"/g, '""');
  return Math.max(...[',', ';', '\t', '|'].map((d) => unquoted.split(d).length));
}
