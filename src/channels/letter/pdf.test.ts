import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, test } from 'node:test';
import type { LocalDate } from '../../core/local-date.ts';
import { loadTemplates, type TemplateSet } from '../../templates/load.ts';
import { renderReminder } from '../../templates/render.ts';
import { sampleContents } from '../../templates/sample.ts';
import type { ReminderContent, ReminderInvoice } from '../../templates/types.ts';
import { inspectPdf, type InspectedPage } from './pdf-inspect.ts';
import { renderLetterPdf } from './pdf.ts';
import { winAnsi } from './win-ansi.ts';

let set: TemplateSet;
before(async () => {
  set = await loadTemplates(null);
});

const mm = (pt: number) => (pt * 25.4) / 72;
function sample(language: string, tone: 'soft' | 'firm' | 'formal' | 'final'): ReminderContent {
  const full = sampleContents(language, tone)[1];
  assert.ok(full);
  return full;
}
async function letter(content: ReminderContent, paper: 'A4' | 'Letter') {
  const bytes = await renderLetterPdf(content, {
    paper,
    text: renderReminder(set, content, 'letter'),
  });
  return { bytes, pages: await inspectPdf(bytes) };
}
const runs = (page: InspectedPage | undefined, text: string) =>
  (page?.runs ?? []).filter((r) => r.text.includes(text));

test('A4: a PDF with the A4 MediaBox, the address in the DIN 5008 form B window, sender line above it', async () => {
  const { bytes, pages } = await letter(sample('de', 'formal'), 'A4');
  assert.equal(bytes.subarray(0, 5).toString('latin1'), '%PDF-');
  assert.match(bytes.toString('latin1'), /\/MediaBox \[0 0 595\.28 841\.89\]/);
  assert.equal(pages.length, 1);
  const [page] = pages;
  const [name] = runs(page, 'Sample Customer GmbH');
  const [street] = runs(page, 'Beispielweg 2');
  const [sender] = runs(page, 'Sample Supplier Ltd · 1 Sample Street');
  assert.ok(name && street && sender);
  for (const r of [name, street, sender]) {
    // The field: 20..105 mm from the left, 45..90 mm from the top.
    assert.ok(
      mm(r.x) >= 20 && mm(r.x) < 105 && mm(r.y) > 45 && mm(r.y) < 90,
      `${r.text} at ${mm(r.x)}, ${mm(r.y)} mm`,
    );
  }
  assert.ok(
    mm(sender.y) < 62.7 && mm(name.y) > 62.7,
    'sender line in the return zone, recipient below it',
  );
  assert.ok(sender.size < name.size);
  const text = (page?.runs.map((r) => r.text).join('\n') ?? '').replace(/\u00a0/g, ' ');
  for (const expected of [
    'Mahnung mit Fristsetzung',
    '26. März 2025',
    'INV-2025-003',
    '250,50 €',
    'Summe offen',
    '760,49 €',
    'Verzugszinsen (§ 288 BGB, 11,27 % p. a., bis 26.03.2025)',
    '12,34 €',
    'Verzugspauschale',
    '40,00 €',
    'Gesamtforderung',
    '812,83 €',
    '7. April 2025',
  ]) {
    assert.ok(text.includes(expected), `missing ${expected}`);
  }
  assert.equal(runs(page, 'Seite').length, 0, 'no page number on a one-page letter');
});

test('US Letter: 8.5 x 11 in, address in the #10 window position', async () => {
  const { bytes, pages } = await letter(sample('en', 'firm'), 'Letter');
  assert.match(bytes.toString('latin1'), /\/MediaBox \[0 0 612 792\]/);
  const [name] = runs(pages[0], 'Sample Customer GmbH');
  assert.ok(name);
  const inch = (pt: number) => pt / 72;
  assert.ok(
    inch(name.x) >= 0.875 && inch(name.x) < 1.2 && inch(name.y) > 1.9 && inch(name.y) < 3.0,
    `${inch(name.x)}, ${inch(name.y)} in`,
  );
});

test('soft and firm steps print no interest even when the content carries it', async () => {
  const { pages } = await letter(sample('en', 'firm'), 'A4');
  assert.equal(runs(pages[0], 'Interest').length, 0);
  assert.equal(runs(pages[0], 'Total open').length, 1);
});

test('40 invoices run over several pages: header repeated, every invoice once, page n of m on each page', async () => {
  const base = sample('en', 'final');
  const first = base.invoices[0];
  assert.ok(first);
  const invoices: ReminderInvoice[] = Array.from({ length: 40 }, (_, i) => ({
    ...first,
    number: `INV-7${String(i).padStart(3, '0')}`,
    openMinor: 10_000n + BigInt(i),
  }));
  const total = invoices.reduce((s, i) => s + i.openMinor, 0n);
  const { pages } = await letter({ ...base, invoices, totalOpenMinor: total }, 'A4');
  assert.ok(pages.length >= 2, `${pages.length} pages`);
  pages.forEach((page, i) => {
    assert.equal(runs(page, `Page ${i + 1} of ${pages.length}`).length, 1, `page ${i + 1}`);
    assert.ok(
      runs(page, 'Days overdue').length === 1 || !page.runs.some((r) => r.text.startsWith('INV-7')),
      'header on every page with rows',
    );
    const [num] = runs(page, `Page ${i + 1}`);
    assert.ok(num && mm(page.height - num.y) < 25, 'page number in the bottom margin');
  });
  const all = pages.flatMap((p) => p.runs.map((r) => r.text));
  for (const inv of invoices)
    assert.equal(all.filter((t) => t === inv.number).length, 1, inv.number);
  assert.ok(all.includes('€4,007.80')); // 40 x 100.00 plus 0 + 1 + ... + 39 cents
  assert.ok(pages.at(-1)?.runs.some((r) => r.text.includes('Yours faithfully')));
});

test('the same content renders the same bytes (a re-render after a crash is the same letter)', async () => {
  const content = sample('nl', 'final');
  const a = await letter(content, 'A4');
  const b = await letter(content, 'A4');
  assert.ok(a.bytes.equals(b.bytes));
});

test('text outside WinAnsi is made printable, not garbled', () => {
  assert.equal(winAnsi('1\u202f234,56\u00a0€ – Łódź'), '1\u00a0234,56\u00a0€ – ?ód?');
});

const pdftoppm = spawnSync('pdftoppm', ['-v']).error === undefined;
test(
  'page 1 is not blank when rasterised',
  { skip: pdftoppm ? false : 'pdftoppm (poppler-utils) is not installed' },
  async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dunwise-letter-'));
    try {
      const { bytes } = await letter(sample('fr', 'final'), 'A4');
      await writeFile(join(dir, 'letter.pdf'), bytes);
      const r = spawnSync('pdftoppm', [
        '-gray',
        '-r',
        '30',
        '-f',
        '1',
        '-l',
        '1',
        join(dir, 'letter.pdf'),
        join(dir, 'page'),
      ]);
      assert.equal(r.status, 0, r.stderr.toString());
      const pgm = await readFile(join(dir, 'page-1.pgm'));
      // Binary PGM: "P5\n<w> <h>\n<max>\n" then one byte per pixel.
      const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.subarray(0, 40).toString('latin1'));
      assert.ok(header);
      const pixels = pgm.subarray(header[0].length);
      assert.equal(pixels.length, Number(header[1]) * Number(header[2]));
      const dark = pixels.filter((v) => v < 200).length;
      assert.ok(dark > pixels.length * 0.01, `${dark} of ${pixels.length} pixels are dark`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
);

test('a due date that moved does not break the table', async () => {
  const content = sample('es', 'formal');
  const first = content.invoices[0];
  assert.ok(first);
  const moved = {
    ...content,
    invoices: [
      { ...first, originalDueDate: '2025-01-31' as LocalDate },
      ...content.invoices.slice(1),
    ],
  };
  const { pages } = await letter(moved, 'A4');
  assert.equal(runs(pages[0], 'INV-2025-002').length, 1);
});
