import { asCurrency } from '../../currency.ts';
import type { Segment } from '../../ledger.ts';
import { parseDecimal } from '../../money.ts';
import type { StepCondition } from '../types.ts';
import type { BodyState, Rule } from './body-state.ts';
import { phrase } from './pattern.ts';

const num = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
const amount = String.raw`[a-z]{3} ?(?:${num})|(?:${num}) ?[a-z]{3}(?![a-z])|[€$£] ?(?:${num})|\d+ minor units?`;
const lower = 'at least|over|above|more than|greater than|from|min(?:imum)?';
const upper = 'at most|under|below|less than|up to|max(?:imum)?';
const openAmount = phrase(
  `(?:only )?(?:if|when) the (?:open )?amount is (?:` +
    `between (${amount}) and (${amount})` +
    `|(?:${lower}) (${amount})(?: and (?:${upper}) (${amount}))?` +
    `|(?:${upper}) (${amount})` +
    `|in ([a-z]{3})|(any amount))`,
);
const openAmountStart = phrase('(?:only )?(?:if|when) the (?:open )?amount');
// A list of codes ends where the next clause begins: ", if the country is ..." must not read "if" as a code.
const notKeyword = '(?!(?:if|for|and|the|only|when|with|then)(?![a-z]))';
const list = (item: string): string =>
  `${notKeyword}${item}(?:(?:, ?| or | and )${notKeyword}${item})*`;
const currencyIs = phrase(
  `(?:only )?(?:(?:if|when) the currency is (${list('[a-z]{3}')})|for (${list('[a-z]{3}')}) invoices)`,
);
const countryIs = phrase(
  `(?:only )?(?:(?:if|when) the (?:customer's )?country is|for customers in) (${list('[a-z]{2}')})`,
);
const segmentWord = 'strategic|standard|new|chronic(?:ally)? late';
const segmentFor = phrase(`for (${list(`(?:${segmentWord})`)}) (?:accounts?|customers?|payers?)`);
const noReply = phrase(
  '(?:only )?(?:if|when) (?:there (?:is|has been) )?no reply since the (?:last|previous) (?:step|touch|message)' +
    "|(?:only )?if the customer has(?: not|n't) replied since the (?:last|previous) (?:step|touch|message)",
);

type Bound = { readonly currency: string | null; readonly minor: bigint };

function readAmount(text: string): Bound | string {
  const t = text.trim();
  const minor = /^(\d+)\s+minor units?$/i.exec(t);
  if (minor) return { currency: null, minor: BigInt(minor[1] ?? '0') };
  const symbols: Record<string, string> = { '€': 'EUR', $: 'USD', '£': 'GBP' };
  const m = /^(?:([a-z]{3}|[€$£])\s*([\d.,]+)|([\d.,]+)\s*([a-z]{3}))$/i.exec(t);
  const code = m?.[1] ?? m?.[4] ?? '';
  const currency = asCurrency(symbols[code] ?? code);
  if (currency === null) return `"${code}" is not a currency code (write e.g. EUR 500)`;
  const parsed = parseDecimal((m?.[2] ?? m?.[3] ?? '').replace(/,/g, ''), currency);
  return parsed.kind === 'ok' ? { currency, minor: parsed.minor } : parsed.reason;
}

function amountCondition(m: RegExpExecArray, body: BodyState): string | null {
  if (m[7] !== undefined) {
    body.conditions.push({ kind: 'open_amount', currency: null, minMinor: null, maxMinor: null });
    return null;
  }
  if (m[6] !== undefined) {
    const currency = asCurrency(m[6]);
    if (currency === null) return `"${m[6]}" is not a currency code`;
    body.conditions.push({ kind: 'open_amount', currency, minMinor: null, maxMinor: null });
    return null;
  }
  const minText = m[1] ?? m[3];
  const maxText = m[2] ?? m[4] ?? m[5];
  const min = minText === undefined ? null : readAmount(minText);
  const max = maxText === undefined ? null : readAmount(maxText);
  if (typeof min === 'string') return min;
  if (typeof max === 'string') return max;
  if (min && max && min.currency !== max.currency)
    return 'both amounts must be in the same currency';
  if (min && max && min.minor > max.minor) return 'the lower amount is above the upper amount';
  const currency = min?.currency ?? max?.currency ?? null;
  body.conditions.push({
    kind: 'open_amount',
    currency,
    minMinor: min?.minor ?? null,
    maxMinor: max?.minor ?? null,
  });
  return null;
}

function items(text: string): string[] {
  return text.split(/\s*,\s*|\s+or\s+|\s+and\s+/i).filter((s) => s.length > 0);
}

function segmentOf(word: string): Segment {
  const w = word.toLowerCase();
  if (w.startsWith('chronic')) return 'chronic_late';
  if (w === 'new') return 'new_account';
  return w === 'strategic' ? 'strategic' : 'standard';
}

function push(body: BodyState, condition: StepCondition): null {
  body.conditions.push(condition);
  return null;
}

/** The condition phrases of a step body ("for strategic accounts", "if the open amount is over EUR 500"). */
export const conditionRules: readonly Rule[] = [
  { re: noReply, apply: (_m, body) => push(body, { kind: 'no_reply_since_last_step' }) },
  { re: openAmount, apply: amountCondition },
  {
    re: openAmountStart,
    apply: () => 'could not read the amount: write e.g. "if the open amount is at least EUR 500"',
  },
  {
    re: segmentFor,
    apply: (m, body) => push(body, { kind: 'segment', segments: items(m[1] ?? '').map(segmentOf) }),
  },
  {
    re: currencyIs,
    apply: (m, body) => {
      const text = m[1] ?? m[2] ?? '';
      const codes = items(text).map((c) => asCurrency(c));
      if (codes.some((c) => c === null)) return `not a currency code in "${text}"`;
      return push(body, { kind: 'currency', currencies: codes.filter((c) => c !== null) });
    },
  },
  {
    re: countryIs,
    apply: (m, body) =>
      push(body, { kind: 'country', countries: items(m[1] ?? '').map((c) => c.toUpperCase()) }),
  },
];
