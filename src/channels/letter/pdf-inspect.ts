// Reading back what renderLetterPdf drew, for tests: page sizes and the text runs of each
// page with their positions (pdfkit writes one "x y Tm [<hex>] TJ" run per line).
import { inflateSync } from 'node:zlib';
import { PDFArray, PDFDocument, PDFRawStream, PDFRef, type PDFObject } from 'pdf-lib';

/** One line of text on a page: x from the left, baseline y from the top, in points. */
export type TextRun = {
  readonly x: number;
  readonly y: number;
  readonly size: number;
  readonly text: string;
};

/** A page: its MediaBox size and its text runs in drawing order. */
export type InspectedPage = {
  readonly width: number;
  readonly height: number;
  readonly runs: readonly TextRun[];
};

const decoder = new TextDecoder('windows-1252');

/** Parses a PDF made by pdfkit into pages of text runs. */
export async function inspectPdf(bytes: Buffer): Promise<InspectedPage[]> {
  const pdf = await PDFDocument.load(bytes);
  return pdf.getPages().map((page) => {
    const { width, height } = page.getMediaBox();
    const contents = page.node.Contents();
    const refs: PDFObject[] =
      contents instanceof PDFArray ? contents.asArray() : contents === undefined ? [] : [contents];
    let source = '';
    for (const ref of refs) {
      const stream = ref instanceof PDFRef ? pdf.context.lookup(ref) : ref;
      if (stream instanceof PDFRawStream) source += inflateSync(stream.contents).toString('latin1');
    }
    return { width, height, runs: textRuns(source, height) };
  });
}

function textRuns(source: string, height: number): TextRun[] {
  const runs: TextRun[] = [];
  const block = /1 0 0 1 ([\d.-]+) ([\d.-]+) Tm\s*\/F\d+ ([\d.]+) Tf\s*\[([^\]]*)\] TJ/g;
  for (const m of source.matchAll(block)) {
    const hex = [...(m[4] ?? '').matchAll(/<([0-9a-f]*)>/g)].map((h) => h[1] ?? '').join('');
    const text = decoder.decode(Buffer.from(hex, 'hex'));
    runs.push({ x: Number(m[1]), y: height - Number(m[2]), size: Number(m[3]), text });
  }
  return runs;
}
