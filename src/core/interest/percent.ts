/**
 * Interest rates as exact decimals. A rate is never a float: "3.62" is held as 362 units at
 * scale 2, so adding the statutory points (+9) and multiplying by a principal stay exact.
 */

/** A percentage per year: value = units / 10^scale (3.62 % = { units: 362n, scale: 2 }). */
export type Percent = { readonly units: bigint; readonly scale: number };

const decimalPattern = /^([+-]?)(\d+)(?:\.(\d+))?$/;

/** True when the text is a plain decimal such as "3.62", "-0.88" or "8" (no exponent, no comma). */
export function isDecimalText(text: string): boolean {
  return decimalPattern.test(text);
}

/** Parses a plain decimal percentage ("3.62", "-0.88", "8"); null when it is not one. */
export function parsePercent(text: string): Percent | null {
  const m = decimalPattern.exec(text);
  if (!m) return null;
  const fraction = m[3] ?? '';
  const magnitude = BigInt((m[2] ?? '0') + fraction);
  return { units: m[1] === '-' ? -magnitude : magnitude, scale: fraction.length };
}

/** A whole number of percentage points (the statutory margins: 5, 8, 9, 10). */
export function points(whole: number): Percent {
  return { units: BigInt(whole), scale: 0 };
}

/** The exact sum of two percentages (reference rate + margin). */
export function addPercent(a: Percent, b: Percent): Percent {
  const scale = Math.max(a.scale, b.scale);
  return { units: rescale(a, scale) + rescale(b, scale), scale };
}

/** Compares two percentages by value (3.5 equals 3.50). */
export function comparePercent(a: Percent, b: Percent): number {
  const scale = Math.max(a.scale, b.scale);
  const x = rescale(a, scale);
  const y = rescale(b, scale);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Formats a percentage with at least two decimals and no trailing zeros beyond them: "10.62", "8.00", "0.125". */
export function formatPercent(p: Percent): string {
  let { units, scale } = p;
  while (scale > 2 && units % 10n === 0n) {
    units /= 10n;
    scale -= 1;
  }
  const shown = Math.max(scale, 2);
  const negative = units < 0n;
  const digits = rescale({ units: negative ? -units : units, scale }, shown)
    .toString()
    .padStart(shown + 1, '0');
  const whole = digits.slice(0, digits.length - shown);
  return `${negative ? '-' : ''}${whole}.${digits.slice(digits.length - shown)}`;
}

/** The same decimal text in canonical form ("3.5" -> "3.50"), or null when it is not a decimal. */
export function canonicalPercentText(text: string): string | null {
  const p = parsePercent(text);
  return p === null ? null : formatPercent(p);
}

function rescale(p: Percent, scale: number): bigint {
  return p.units * 10n ** BigInt(scale - p.scale);
}
