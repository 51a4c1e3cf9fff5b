// Where things go on the page, per paper size, in PDF points (1/72 in).
const mm = (v: number) => (v * 72) / 25.4;
const inch = (v: number) => v * 72;

/** The fixed geometry of a letter's first page and the margins of every page. */
export type PaperLayout = {
  readonly size: readonly [width: number, height: number];
  readonly margin: {
    readonly left: number;
    readonly right: number;
    readonly top: number;
    readonly bottom: number;
  };
  /** Top of the creditor's letterhead block (right-aligned). */
  readonly letterheadY: number;
  /** The window: the sender line at senderY, the recipient from recipientY, inside x..x+width. */
  readonly address: {
    readonly x: number;
    readonly width: number;
    readonly senderY: number;
    readonly recipientY: number;
    readonly maxLines: number;
  };
  /** Date and references beside the window. */
  readonly info: { readonly x: number; readonly y: number; readonly width: number };
  /** Where the subject line starts. */
  readonly bodyY: number;
  /** Short marks in the left edge: folds and the punch-hole centre. */
  readonly marks: readonly number[];
};

/**
 * A4, DIN 5008 form B: the address field is 85 x 45 mm, 45 mm from the top and 20 mm from
 * the left; its first 17.7 mm are the return-and-notes zone (the sender line sits at its
 * bottom), the recipient's up to six lines follow. Text starts 5 mm inside the field, level
 * with the 25 mm body margin. Information block at 125 mm; folds at 105 and 210 mm, the
 * punch mark at 148.5 mm.
 */
export const a4: PaperLayout = {
  size: [595.28, 841.89],
  margin: { left: mm(25), right: mm(20), top: mm(20), bottom: mm(25) },
  letterheadY: mm(12),
  address: {
    x: mm(25),
    width: mm(75),
    senderY: mm(45 + 17.7 - 4.5),
    recipientY: mm(45 + 17.7),
    maxLines: 6,
  },
  info: { x: mm(125), y: mm(50), width: mm(65) },
  bodyY: mm(98.46),
  marks: [mm(105), mm(148.5), mm(210)],
};

/**
 * US Letter for a #10 window envelope (window 4.5 x 1.125 in, 7/8 in from the left edge),
 * tri-folded: the common layout puts the address block 2 in from the top and 1 in from the
 * left, four to five lines tall, with the return line just above it. Folds at 1/3 and 2/3.
 */
export const usLetter: PaperLayout = {
  size: [612, 792],
  margin: { left: inch(1), right: inch(0.75), top: inch(0.75), bottom: inch(1) },
  letterheadY: inch(0.5),
  address: { x: inch(1), width: inch(3.75), senderY: inch(1.85), recipientY: inch(2), maxLines: 5 },
  info: { x: inch(5.25), y: inch(1.85), width: inch(2.5) },
  bodyY: inch(3.4),
  marks: [inch(11 / 3), inch(22 / 3)],
};
