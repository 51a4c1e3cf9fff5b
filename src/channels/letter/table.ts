// The invoice table of a letter, with a header row repeated on every page it runs onto, and
// the totals: open amount, then interest and fixed compensation at formal and final steps.
import type { ReminderContent } from '../../templates/types.ts';
import type { LetterDraw } from './draw.ts';
import { winAnsi } from './win-ansi.ts';

const rowHeight = 15;
const columns = [0.24, 0.17, 0.2, 0.15, 0.24] as const;
// Numbers read right-aligned; the rest left.
const rightAligned = [false, false, false, true, true] as const;

/** Draws the table from the current y; leaves doc.y below the totals. */
export function drawInvoiceTable(draw: LetterDraw, content: ReminderContent): void {
  const { doc, layout, labels, money, date, percent } = draw;
  const left = layout.margin.left;
  const width = layout.size[0] - left - layout.margin.right;
  const limit = layout.size[1] - layout.margin.bottom;
  let y = doc.y;

  const row = (cells: readonly string[], bold: boolean) => {
    let x = left;
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(9);
    cells.forEach((cell, i) => {
      const w = (columns[i] ?? 0) * width;
      doc.text(cell, x + 2, y + 3, {
        width: w - 4,
        align: rightAligned[i] ? 'right' : 'left',
        lineBreak: false,
        ellipsis: true,
      });
      x += w;
    });
    y += rowHeight;
  };
  const rule = (weight: number) => {
    doc
      .moveTo(left, y)
      .lineTo(left + width, y)
      .lineWidth(weight)
      .stroke();
  };
  const header = () => {
    row([labels.invoice, labels.issued, labels.due, labels.daysOverdue, labels.open], true);
    rule(0.8);
  };
  const room = (rows: number) => {
    if (y + rows * rowHeight <= limit) return;
    doc.addPage();
    y = layout.margin.top;
  };

  header();
  for (const invoice of content.invoices) {
    if (y + rowHeight > limit) {
      room(2);
      header();
    }
    row(
      [
        winAnsi(invoice.number),
        date(invoice.issueDate, 'medium'),
        date(invoice.dueDate, 'medium'),
        invoice.daysOverdue > 0 ? String(invoice.daysOverdue) : '-',
        money(invoice.openMinor),
      ],
      false,
    );
  }
  rule(0.8);
  const hardStep = content.tone === 'formal' || content.tone === 'final';
  const interest = hardStep ? content.interest : null;
  const totals: [string, bigint, boolean][] = [
    [labels.totalOpen, content.totalOpenMinor, interest === null],
  ];
  if (interest !== null) {
    const law = winAnsi(interest.lawLabel);
    totals.push([
      labels.interest(law, percent(interest.ratePercent), date(interest.until, 'medium')),
      interest.interestMinor,
      false,
    ]);
    totals.push([labels.fixedCompensation, interest.fixedCompensationMinor, false]);
    totals.push([
      labels.totalDue,
      content.totalOpenMinor + interest.interestMinor + interest.fixedCompensationMinor,
      true,
    ]);
  }
  room(totals.length);
  const amountWidth = (columns[4] ?? 0) * width;
  for (const [label, minor, bold] of totals) {
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(9);
    doc.text(label, left + 2, y + 3, {
      width: width - amountWidth - 4,
      align: 'right',
      lineBreak: false,
      ellipsis: true,
    });
    doc.text(money(minor), left + width - amountWidth + 2, y + 3, {
      width: amountWidth - 4,
      align: 'right',
      lineBreak: false,
    });
    y += rowHeight;
  }
  doc.x = left;
  doc.y = y;
}
