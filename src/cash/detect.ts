// Recognising a bank file's format from its first bytes, before any parser runs.

/** The parser family a file belongs to, or null when it is none Dunwise reads. */
export type FileFamily = 'camt' | 'mt940' | 'bai2';

/**
 * camt: an XML document (camt namespaces are checked by the camt parser). MT940/MT942: a
 * `:20:` transaction reference and a `:25:` account or `:60F:`/`:61:` tag, possibly inside a
 * SWIFT `{4:` block or after a bank header line. BAI2: a comma-separated first record
 * with a two-digit record code (01 is required; other codes are reported as errors there).
 */
export function detectFamily(text: string): FileFamily | null {
  const head = text.replace(/^[\s\u0000-\u001f\ufeff]+/, '');
  if (head.startsWith('<')) return 'camt';
  if (/^\d{2},/.test(head)) return 'bai2';
  const tags = /(^|[\r\n{]):20:/.test(text) || head.startsWith(':20:');
  if (tags && /(^|[\r\n]):(25|25P|60F|60M|61|34F):/.test(text)) return 'mt940';
  if (/(^|[\r\n]):61:/.test(text)) return 'mt940';
  return null;
}
