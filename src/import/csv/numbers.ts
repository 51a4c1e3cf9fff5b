/** Which character separates the decimals: '1,234.56' is 'dot', '1.234,56' is 'comma'. */
export type DecimalStyle = 'dot' | 'comma';

/** The outcome of reading one locale-formatted number. */
export type LocaleNumber =
  | { readonly kind: 'ok'; readonly plain: string; readonly evidence: DecimalStyle | null }
  | { readonly kind: 'ambiguous'; readonly reason: string }
  | { readonly kind: 'error'; readonly reason: string };

const sepOf: Record<DecimalStyle, string> = { dot: '.', comma: ',' };
// Grouping marks besides '.' and ',': space, no-break space, narrow no-break space, thin
// space, and the apostrophes Swiss exports use ("1'234.50").
const groupingMarks = /[\s\u00a0\u202f\u2009'’]/g;

/**
 * Turns "1.234,56", "(1,234.56)", "1 234,56 €", "EUR 12.50-" into a plain decimal
 * ("-1234.56") for `parseDecimal`. With `style` null a value is read only when it is
 * unambiguous; `evidence` then says which style it proved.
 */
export function normalizeLocaleNumber(text: string, style: DecimalStyle | null): LocaleNumber {
  const signed = splitSign(stripCurrency(text.trim()));
  if (signed === null) return { kind: 'error', reason: `"${text}" is not a number` };
  const body = stripCurrency(signed.body).replace(groupingMarks, '');
  if (!/^[\d.,]*\d[\d.,]*$/.test(body)) {
    return { kind: 'error', reason: `"${text}" is not a number` };
  }
  const read = style === null ? readAuto(body) : readWith(body, style);
  if (read.kind !== 'ok') {
    return read.kind === 'ambiguous'
      ? { kind: 'ambiguous', reason: `"${text}" could use either decimal style` }
      : { kind: 'error', reason: `"${text}" ${read.reason}` };
  }
  const plain = (signed.negative ? '-' : '') + read.plain;
  return { kind: 'ok', plain, evidence: read.evidence };
}

type Read =
  | { kind: 'ok'; plain: string; evidence: DecimalStyle | null }
  | { kind: 'ambiguous' }
  | { kind: 'error'; reason: string };

function readAuto(body: string): Read {
  const dot = body.includes('.');
  const comma = body.includes(',');
  if (!dot && !comma) return { kind: 'ok', plain: body, evidence: null };
  if (dot && comma) return readWith(body, body.lastIndexOf('.') > body.lastIndexOf(',') ? 'dot' : 'comma', true);
  const sep = dot ? '.' : ',';
  const parts = body.split(sep);
  // The same mark twice can only be grouping: "1.234.567" proves comma decimals.
  if (parts.length > 2) return readWith(body, dot ? 'comma' : 'dot', true);
  const [whole = '', fraction = ''] = parts;
  const couldGroup = fraction.length === 3 && /^[1-9]\d{0,2}$/.test(whole);
  if (couldGroup) return { kind: 'ambiguous' };
  return readWith(body, dot ? 'dot' : 'comma', true);
}

function readWith(body: string, style: DecimalStyle, proves = false): Read {
  const decimal = sepOf[style];
  const group = style === 'dot' ? ',' : '.';
  const at = body.lastIndexOf(decimal);
  const whole = at === -1 ? body : body.slice(0, at);
  const fraction = at === -1 ? '' : body.slice(at + 1);
  if (fraction.includes(group) || !/^\d*$/.test(fraction) || (at !== -1 && fraction === '')) {
    return { kind: 'error', reason: `does not match ${style} decimals` };
  }
  if (whole.includes(decimal)) return { kind: 'error', reason: `has more than one decimal mark` };
  if (whole.includes(group) && !/^\d{1,3}(?:[.,]\d{3})*$/.test(whole)) {
    return { kind: 'error', reason: `has digit grouping that does not match ${style} decimals` };
  }
  const digits = whole.split(group).join('');
  const plain = fraction === '' ? digits || '0' : `${digits || '0'}.${fraction}`;
  return { kind: 'ok', plain, evidence: proves ? style : null };
}

function stripCurrency(text: string): string {
  return text
    .replace(/^[A-Za-z]{3}(?=[\s\d(+\-\u2212])/, '')
    .replace(/(?<=[\d\s)\-\u2212])[A-Za-z]{3}$/, '')
    .replace(/\p{Sc}/gu, '')
    .trim();
}

function splitSign(text: string): { negative: boolean; body: string } | null {
  let body = text.replace(/\u2212/g, '-');
  let marks = 0;
  const paren = /^\((.*)\)$/.exec(body);
  if (paren) {
    marks += 1;
    body = (paren[1] ?? '').trim();
  }
  if (body.startsWith('+')) body = body.slice(1).trim();
  else if (body.startsWith('-')) {
    marks += 1;
    body = body.slice(1).trim();
  }
  if (body.endsWith('-')) {
    marks += 1;
    body = body.slice(0, -1).trim();
  }
  // Two signs at once ("(-5)", "-5-") are more likely a broken cell than a double negative.
  if (marks > 1 || /[+\-()]/.test(body)) return null;
  return { negative: marks === 1, body };
}
