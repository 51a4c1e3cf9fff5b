import { namePattern } from '../step-defaults.ts';
import type { Channel, Tone } from '../types.ts';
import type { BodyState, Rule } from './body-state.ts';
import { conditionRules } from './conditions.ts';
import { phrase } from './pattern.ts';
import { unquote } from './sentences.ts';

const quoted = String.raw`"((?:[^"\\]|\\.)*)"`;

function setTone(body: BodyState, tone: Tone): string | null {
  if (body.tone !== null && body.tone !== tone)
    return `two tones in one step: ${body.tone} and ${tone}`;
  body.tone = tone;
  return null;
}

function addChannel(body: BodyState, channel: Channel): null {
  body.channels.push(channel);
  return null;
}

function setApproval(body: BodyState, approval: 'review' | 'auto'): string | null {
  if (body.approval !== null && body.approval !== approval)
    return 'both "automatically" and "review" in one step';
  body.approval = approval;
  return null;
}

function named(kind: 'id' | 'template', text: string, body: BodyState): string | null {
  const value = unquote(text);
  if (!namePattern.test(value))
    return `${kind} "${value}" may only hold letters, digits and . _ + -`;
  if (body[kind] !== null) return `two ${kind}s in one step`;
  body[kind] = value;
  return null;
}

const tones: readonly [string, Tone][] = [
  ['friendly|courtesy|gentle|soft|polite', 'soft'],
  ['firm', 'firm'],
  ['formal', 'formal'],
  ['final|last', 'final'],
];

const channelWords: readonly [string, Channel][] = [
  ['e-?mails?|mails?', 'email'],
  ['letters?|post|paper letters?', 'letter'],
  ['sms|text messages?|texts?', 'sms'],
  ['whats ?app(?: messages?)?', 'whatsapp'],
  ['(?:phone )?call tasks?|phone calls?|calls?', 'call_task'],
  ['(?:customer )?portal(?: only)?', 'portal'],
];

/** Every phrase a step body may hold, tried in order at each position. */
export const bodyRules: readonly Rule[] = [
  { re: phrase(`(?:with )?id ${quoted}`), apply: (m, body) => named('id', m[1] ?? '', body) },
  {
    re: phrase(`(?:using |with )?(?:the )?template ${quoted}`),
    apply: (m, body) => named('template', m[1] ?? '', body),
  },
  {
    re: phrase('(?:(?:with|including|plus) (?:a |the )?)?pay(?:ment)? link'),
    apply: (_m, body) => {
      body.paymentLink = true;
      return null;
    },
  },
  {
    re: phrase(
      '(?:and )?(?:then )?(?:hand(?: it)? over|escalate|pass(?: it)? on) to (?:the )?(?:account )?owner',
    ),
    apply: (_m, body) => {
      body.action = 'hand_over_to_owner';
      return null;
    },
  },
  {
    re: phrase(
      'automatically|without (?:a )?(?:review|approval)|with no review|auto(?:matic)?(?: approval)?',
    ),
    apply: (_m, body) => setApproval(body, 'auto'),
  },
  {
    re: phrase(
      '(?:after|with|for|needs?|requires?) (?:a )?(?:review|approval)|reviewed|review first',
    ),
    apply: (_m, body) => setApproval(body, 'review'),
  },
  ...conditionRules,
  ...tones.map(([words, tone]): Rule => ({
    re: phrase(words),
    apply: (_m, body) => setTone(body, tone),
  })),
  ...channelWords.map(([words, channel]): Rule => ({
    re: phrase(words),
    apply: (_m, body) => addChannel(body, channel),
  })),
  {
    re: phrase('(reminders?|notices?|warnings?)'),
    apply: (m, body) => {
      body.nounTone ??= /^r/i.test(m[1] ?? '') ? 'firm' : 'formal';
      return null;
    },
  },
  {
    re: phrase(
      'send|sends|a|an|the|by|via|and|then|with|create|creates|also|only|messages?|in|through|to|plus|as',
    ),
    apply: () => null,
  },
];

/** The words the step grammar knows, for "did you mean" suggestions. */
// prettier-ignore
export const bodyVocabulary: readonly string[] = [
  'friendly', 'courtesy', 'gentle', 'soft', 'polite', 'firm', 'formal', 'final', 'last',
  'email', 'letter', 'post', 'sms', 'text', 'whatsapp', 'call', 'task', 'phone', 'portal',
  'reminder', 'notice', 'warning', 'payment', 'link', 'hand', 'over', 'owner', 'escalate',
  'automatically', 'without', 'review', 'approval', 'strategic', 'standard', 'new', 'chronic',
  'late', 'accounts', 'customers', 'payers', 'if', 'open', 'amount', 'currency', 'country',
  'reply', 'since', 'previous', 'step', 'template', 'id', 'send', 'create', 'then', 'with',
  'only', 'between', 'least', 'most', 'above', 'below', 'under', 'invoices',
];
