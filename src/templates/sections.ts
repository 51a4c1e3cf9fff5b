// A template file holds one channel's parts (an email's subject, text and HTML) as sections.
//
//   --- subject ---
//   Invoice {{ invoices.first.number }} is due
//   --- text ---
//   ...
//
// A file without markers is one section named "text" (SMS). Each section is handed to Liquid
// padded with the newlines that precede it, so every line number Liquid reports is the
// file's own line number.

const marker = /^---[ \t]*([a-z_]+)[ \t]*---[ \t]*$/;
const commentOnly = /^\s*(\{%-?\s*comment\s*-?%\}[\s\S]*?\{%-?\s*endcomment\s*-?%\}\s*)*$/;

/** One section of a template file: its name, its Liquid source, and where it starts. */
export type Section = { readonly name: string; readonly source: string; readonly line: number };

/** Splits a template file into sections, or says why it cannot. */
export function splitSections(
  text: string,
): { kind: 'ok'; sections: Section[] } | { kind: 'error'; line: number; reason: string } {
  const lines = text.split('\n');
  const starts: { name: string; index: number }[] = [];
  lines.forEach((l, index) => {
    const m = marker.exec(l.replace(/\r$/, ''));
    if (m?.[1] !== undefined) starts.push({ name: m[1], index });
  });
  if (starts.length === 0)
    return { kind: 'ok', sections: [{ name: 'text', source: text, line: 1 }] };
  const first = starts[0];
  if (first !== undefined && !commentOnly.test(lines.slice(0, first.index).join('\n'))) {
    return {
      kind: 'error',
      line: 1,
      reason: 'only a {% comment %} may come before the first section marker',
    };
  }
  const sections: Section[] = [];
  for (const [i, start] of starts.entries()) {
    if (sections.some((s) => s.name === start.name)) {
      return {
        kind: 'error',
        line: start.index + 1,
        reason: `section "${start.name}" appears twice`,
      };
    }
    const end = starts[i + 1]?.index ?? lines.length;
    const body = lines.slice(start.index + 1, end).join('\n');
    sections.push({
      name: start.name,
      source: '\n'.repeat(start.index + 1) + body,
      line: start.index + 2,
    });
  }
  return { kind: 'ok', sections };
}
