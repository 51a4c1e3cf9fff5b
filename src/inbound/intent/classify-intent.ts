// Decides what a reply wants, offline and deterministically: weighted phrase patterns per
// language, negation, a few language-independent features, then the highest score wins.
import type { LocalDate } from '../../core/local-date.ts';
import { isAutoReplySubject } from '../auto-reply.ts';
import { findDates } from '../dates.ts';
import { trimReply } from '../trim.ts';
import { extractFacts, nearestReading } from './facts.ts';
import { detectLanguage } from './language.ts';
import type { ReplyLanguage } from './language.ts';
import { inWhQuestion, isAnnounced, isConditional, isNegated } from './negation.ts';
import type { PhraseRule } from './phrase-rule.ts';
import { englishRules } from './rules-en.ts';
import { germanRules } from './rules-de.ts';
import { frenchRules } from './rules-fr.ts';
import { intents } from './types.ts';
import type { Intent, IntentResult } from './types.ts';

const rulesByLang: Record<'en' | 'de' | 'fr', readonly PhraseRule[]> = { en: englishRules, de: germanRules, fr: frenchRules };

// When two intents score the same, the one whose action is safer to take first wins.
const precedence: readonly Intent[] = [
  'stop', 'out_of_office', 'wrong_contact', 'dispute', 'paid', 'plan_request', 'promise', 'copy_request', 'question', 'other',
];

const payWord = /(?<!\p{L})(?:pa(?:y|id|yment|iement|ie|yé)\p{L}*|settle\p{L}*|clear|transfer\p{L}*|zahl\p{L}*|bezahl\p{L}*|überw\p{L}*|beglich\p{L}*|begleich\p{L}*|raus|règl\p{L}*|régl\p{L}*|virement|wire|go out|payment run)(?!\p{L})/iu;

type Tally = { scores: Map<Intent, number>; evidence: string[] };

function add(t: Tally, intent: Intent, weight: number, why: string): void {
  t.scores.set(intent, (t.scores.get(intent) ?? 0) + weight);
  t.evidence.push(`${intent} ${weight > 0 ? '+' : ''}${weight}: ${why}`);
}

function applyRules(t: Tally, text: string, rules: readonly PhraseRule[]): void {
  for (const r of rules) {
    for (const m of text.matchAll(r.re)) {
      const quoted = `"${m[0].trim().slice(0, 50)}"`;
      const commitment = r.intent === 'promise' || r.intent === 'paid' || r.intent === 'plan_request';
      if (commitment && (isConditional(text, m.index) || inWhQuestion(text, m.index))) continue;
      if (r.negatable && isNegated(text, m.index)) add(t, r.intent, -r.weight, `negated ${quoted}`);
      else if (r.intent === 'paid' && isAnnounced(text, m.index)) continue;
      else add(t, r.intent, r.weight, quoted);
      break; // one hit per pattern: repetition is not extra evidence
    }
  }
}

function applyFeatures(t: Tally, text: string, subject: string, ref: LocalDate, lang: string): void {
  if (isAutoReplySubject(subject)) add(t, 'out_of_office', 3, `auto-reply subject "${subject.slice(0, 40)}"`);
  if (text.includes('?')) add(t, 'question', 1, 'question mark');
  if (/[\w.+-]+@[\w-]+\.[\w.-]+/.test(text)) add(t, 'wrong_contact', 1, 'an e-mail address in the new text');
  for (const sentence of text.split(/(?<=[.!?\n])\s+/)) {
    if (!payWord.test(sentence)) continue;
    for (const m of findDates(sentence, ref, lang)) {
      // A bare weekday could be last or next Friday: only the tense patterns decide those.
      const day = m.absolute || m.future === null || m.past === null ? nearestReading(m, ref) : null;
      if (day === null || day === ref || inWhQuestion(sentence, 0)) continue;
      if (day > ref) add(t, 'promise', 2, `payment with a coming date "${m.text}" = ${day}`);
      else add(t, 'paid', 1.5, `payment with a past date "${m.text}" = ${day}`);
      break;
    }
  }
}

function decide(t: Tally): { intent: Intent; confidence: number } {
  const ranked = [...intents]
    .map((i) => ({ intent: i, score: t.scores.get(i) ?? 0 }))
    .sort((a, b) => b.score - a.score || precedence.indexOf(a.intent) - precedence.indexOf(b.intent));
  const top = ranked[0];
  const second = ranked[1]?.score ?? 0;
  if (!top || top.score <= 0) return { intent: 'other', confidence: 0.3 };
  return { intent: top.intent, confidence: Math.max(0, Math.min(1, (top.score - 0.6 * Math.max(0, second)) / (top.score + 1))) };
}

/** Classifies a reply (quoted text and signatures are removed first) and reads its facts. */
export function classifyIntent(input: { subject: string; body: string; lang?: string; receivedAt: LocalDate }): IntentResult {
  const text = trimReply(input.body);
  const lang: ReplyLanguage =
    input.lang === 'en' || input.lang === 'de' || input.lang === 'fr' ? input.lang : detectLanguage(`${text} ${input.subject}`);
  const tally: Tally = { scores: new Map(), evidence: [] };
  // The detected language's patterns first; the others too, at half weight, for mixed replies.
  for (const [l, rules] of Object.entries(rulesByLang)) {
    const own: Tally = { scores: new Map(), evidence: [] };
    applyRules(own, text, rules);
    for (const [intent, score] of own.scores) tally.scores.set(intent, (tally.scores.get(intent) ?? 0) + (l === lang ? score : score / 2));
    if (l === lang) tally.evidence.push(...own.evidence);
  }
  applyFeatures(tally, text, input.subject, input.receivedAt, lang);
  const { intent, confidence } = decide(tally);
  const scores: Partial<Record<Intent, number>> = {};
  for (const [i, s] of tally.scores) if (s !== 0) scores[i] = Math.round(s * 100) / 100;
  return {
    intent,
    confidence: Math.round(confidence * 100) / 100,
    evidence: tally.evidence,
    facts: extractFacts(text, input.subject, intent, input.receivedAt, lang),
    lang,
    scores,
  };
}
