// What the parts of a letter share while drawing.
import type { LetterLabels } from './labels.ts';
import type { PaperLayout } from './layout.ts';

/** The means the letter's parts share while drawing. */
export type LetterDraw = {
  readonly doc: PDFKit.PDFDocument;
  readonly layout: PaperLayout;
  readonly labels: LetterLabels;
  readonly money: (minor: bigint) => string;
  readonly date: (d: string, style?: 'long' | 'medium') => string;
  readonly percent: (rate: string) => string;
};
