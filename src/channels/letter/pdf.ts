// A print-ready reminder letter: window-envelope address block, letterhead, date and
// references, the subject, the template's body, an invoice table that continues across
// pages, totals (with interest and fixed compensation at formal and final steps), the
// template's closing, and "page n of m" on every page when there is more than one.
import PDFDocument from 'pdfkit';
import {
  formatAmount,
  formatLocalDate,
  formatPercent,
  formattingLocale,
} from '../../templates/format.ts';
import type { RenderedLetter, ReminderContent } from '../../templates/types.ts';
import type { LetterDraw } from './draw.ts';
import { letterLabels } from './labels.ts';
import { a4, usLetter } from './layout.ts';
import { winAnsi } from './win-ansi.ts';
import { drawInvoiceTable } from './table.ts';

/** How to print: the paper size, and the words the letter template rendered. */
export type LetterOptions = { readonly paper: 'A4' | 'Letter'; readonly text: RenderedLetter };

/** Renders a reminder letter to PDF bytes. */
export async function renderLetterPdf(
  content: ReminderContent,
  options: LetterOptions,
): Promise<Buffer> {
  const layout = options.paper === 'A4' ? a4 : usLetter;
  const locale = formattingLocale(content.language, options.text.language);
  const [y, m, d] = content.today.split('-').map(Number) as [number, number, number];
  const doc = new PDFDocument({
    size: [...layout.size],
    margins: layout.margin,
    bufferPages: true,
    info: {
      Title: winAnsi(options.text.subject),
      Author: winAnsi(content.creditor.name),
      Creator: 'Dunwise',
      // The letter's own date, not the clock: the same touch renders the same document.
      CreationDate: new Date(Date.UTC(y, m - 1, d)),
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const draw: LetterDraw = {
    doc,
    layout,
    labels: letterLabels(options.text.language),
    money: (minor) => winAnsi(formatAmount(minor, content.currency, locale)),
    date: (value, style = 'long') => winAnsi(formatLocalDate(value, locale, style)),
    percent: (rate) => winAnsi(formatPercent(rate, locale)),
  };
  firstPage(draw, content);
  const width = layout.size[0] - layout.margin.left - layout.margin.right;
  doc
    .font('Helvetica-Bold')
    .fontSize(11)
    .text(winAnsi(options.text.subject), layout.margin.left, layout.bodyY, { width });
  doc.moveDown(1).font('Helvetica').fontSize(10).text(winAnsi(options.text.body), { width });
  doc.moveDown(1);
  drawInvoiceTable(draw, content);
  doc
    .moveDown(1.5)
    .font('Helvetica')
    .fontSize(10)
    .text(winAnsi(options.text.closing), layout.margin.left, doc.y, { width });
  pageNumbers(draw);
  doc.end();
  return done;
}

function firstPage({ doc, layout, labels, date }: LetterDraw, content: ReminderContent): void {
  const right = layout.size[0] - layout.margin.right;
  const { creditor, account, contact } = content;
  const head = [...creditor.addressLines, creditor.phone, creditor.email].map(winAnsi);
  doc
    .font('Helvetica-Bold')
    .fontSize(13)
    .text(winAnsi(creditor.name), layout.margin.left, layout.letterheadY, {
      width: right - layout.margin.left,
      align: 'right',
    });
  doc
    .font('Helvetica')
    .fontSize(8)
    .text(head.join('\n'), { width: right - layout.margin.left, align: 'right' });
  const sender = winAnsi([creditor.name, ...creditor.addressLines].join(' · '));
  doc.fontSize(7).text(sender, layout.address.x, layout.address.senderY, {
    width: layout.address.width,
    lineBreak: false,
    ellipsis: true,
  });
  const recipient = [
    account.name,
    ...(contact.name === null ? [] : [contact.name]),
    ...(account.addressLines ?? []),
  ];
  doc.fontSize(10);
  recipient.slice(0, layout.address.maxLines).forEach((line, i) => {
    doc.text(winAnsi(line), layout.address.x, layout.address.recipientY + i * 12, {
      width: layout.address.width,
      lineBreak: false,
      ellipsis: true,
    });
  });
  const info: [string, string][] = [
    [labels.date, date(content.today)],
    [labels.customer, winAnsi(account.ref)],
  ];
  const only = content.invoices.length === 1 ? content.invoices[0] : undefined;
  if (only !== undefined) info.push([labels.reference, winAnsi(only.number)]);
  info.forEach(([label, value], i) => {
    const at = layout.info.y + i * 13;
    doc
      .font('Helvetica')
      .fontSize(8)
      .text(label, layout.info.x, at + 1.5, { lineBreak: false });
    doc.fontSize(10).text(value, layout.info.x + 62, at, {
      width: layout.info.width - 62,
      lineBreak: false,
      ellipsis: true,
    });
  });
  for (const at of layout.marks)
    doc.moveTo(mmToPt(3), at).lineTo(mmToPt(8), at).lineWidth(0.3).strokeColor('#999').stroke();
  doc.strokeColor('#000');
}

function pageNumbers({ doc, layout, labels }: LetterDraw): void {
  const { start, count } = doc.bufferedPageRange();
  if (count < 2) return;
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    // Writing below the bottom margin would make pdfkit open a new page; lift it while we write.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font('Helvetica')
      .fontSize(8)
      .text(labels.page(i - start + 1, count), layout.margin.left, layout.size[1] - mmToPt(12), {
        width: layout.size[0] - layout.margin.left - layout.margin.right,
        align: 'center',
        lineBreak: false,
      });
    doc.page.margins.bottom = bottom;
  }
}

function mmToPt(v: number): number {
  return (v * 72) / 25.4;
}
