import type { ImportReport } from '../engine/import-report.ts';

/** One import report in plain words: what was written, or why nothing was. */
export function reportText(r: ImportReport, skipped: readonly string[]): string {
  const lines: string[] = [];
  if (r.status === 'imported') {
    lines.push(`${r.file}: imported ${r.records.toLocaleString('en')} record${r.records === 1 ? '' : 's'} (${r.inserted} new, ${r.updated} updated, ${r.unchanged} unchanged)`);
  } else {
    lines.push(`${r.file}: REJECTED, nothing was imported. ${r.problemCount} problem${r.problemCount === 1 ? '' : 's'} to fix:`);
    for (const p of r.problems) lines.push(`  ${p.file}, ${p.where}${p.field ? `, ${p.field}` : ''}: ${p.reason}`);
    if (r.problemCount > r.problems.length) lines.push(`  ... and ${r.problemCount - r.problems.length} more`);
  }
  if (skipped.length > 0) {
    lines.push(`  left out on purpose (${skipped.length}):`);
    for (const s of skipped.slice(0, 20)) lines.push(`    ${s}`);
    if (skipped.length > 20) lines.push(`    ... and ${skipped.length - 20} more`);
  }
  return lines.join('\n');
}

/** The JSON form of an import report (problems in full up to the kept limit). */
export function reportJson(r: ImportReport, skipped: readonly string[]): unknown {
  return { ...r, skipped };
}
