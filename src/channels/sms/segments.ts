// How many SMS segments a text costs. GSM 03.38 (7-bit) fits 160 characters in one segment and
// 153 per segment when concatenated (the rest carries the joining header); characters of its
// extension table (€ [ ] { } and a few more) take two septets and are never split across
// segments. Anything outside the alphabet makes the whole message UCS-2: 70 UTF-16 units, or
// 67 per segment, never splitting a surrogate pair.

const basic =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const extension = '\f^{}\\[~]|€';
const basicSet = new Set(basic);
const extensionSet = new Set(extension);

/** The encoding a text needs and what it costs. */
export type SmsSize = {
  readonly encoding: 'GSM-7' | 'UCS-2';
  /** Septets (GSM-7) or UTF-16 code units (UCS-2). */
  readonly units: number;
  readonly segments: number;
};

/** Counts the segments of an SMS text. */
export function smsSize(text: string): SmsSize {
  const chars = [...text];
  if (chars.every((c) => basicSet.has(c) || extensionSet.has(c))) {
    const widths = chars.map((c) => (extensionSet.has(c) ? 2 : 1));
    return { encoding: 'GSM-7', units: sum(widths), segments: pack(widths, 160, 153) };
  }
  const widths = chars.map((c) => c.length); // 2 for characters outside the BMP (surrogate pairs)
  return { encoding: 'UCS-2', units: sum(widths), segments: pack(widths, 70, 67) };
}

function sum(widths: readonly number[]): number {
  return widths.reduce((a, b) => a + b, 0);
}

/** Greedy packing: a character that does not fit whole starts the next segment. */
function pack(widths: readonly number[], single: number, multi: number): number {
  const total = sum(widths);
  if (total === 0) return 0;
  if (total <= single) return 1;
  let segments = 1;
  let used = 0;
  for (const w of widths) {
    if (used + w > multi) {
      segments++;
      used = 0;
    }
    used += w;
  }
  return segments;
}
