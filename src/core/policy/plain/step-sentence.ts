import type { StepDraft } from '../finalize.ts';
import { defaultTemplate, paymentLinkTemplate } from '../step-defaults.ts';
import { emptyBody, type BodyState } from './body-state.ts';
import { bodyRules } from './body-rules.ts';
import { matchAt } from './pattern.ts';
import type { When } from './when.ts';

/** Why a step sentence did not compile; `unknown` lists words no phrase matched. */
export type StepError = { readonly reason: string; readonly unknown: readonly string[] };

const gap = /[\s,;&+]+/y;
const word = /[^\s,;&+]+/y;

/** Reads the body of a step sentence clause by clause; every word must belong to a phrase. */
export function parseBody(text: string, start: number): BodyState | StepError {
  const body = emptyBody();
  const unknown: string[] = [];
  let at = start;
  while (at < text.length) {
    gap.lastIndex = at;
    if (gap.exec(text)) at = gap.lastIndex;
    if (at >= text.length) break;
    let matched = false;
    for (const rule of bodyRules) {
      const m = matchAt(rule.re, text, at);
      if (!m || m[0].length === 0) continue;
      const error = rule.apply(m, body);
      if (error !== null) return { reason: error, unknown: [] };
      at += m[0].length;
      matched = true;
      break;
    }
    if (!matched) {
      word.lastIndex = at;
      const w = word.exec(text)?.[0] ?? text.slice(at, at + 1);
      unknown.push(w);
      at += w.length;
    }
  }
  if (unknown.length > 0) {
    return { reason: `unknown words: ${unknown.map((w) => `"${w}"`).join(', ')}`, unknown };
  }
  return body;
}

/** Builds a step draft from its timing and body; defaults: soft tone, review, the tone's template. */
export function stepFromBody(when: When, body: BodyState): StepDraft | StepError {
  if (body.channels.length === 0 && body.action === 'none') {
    return {
      reason:
        'no channel: say how to reach the customer (email, letter, SMS, WhatsApp, call task, portal)',
      unknown: [],
    };
  }
  const tone = body.tone ?? body.nounTone ?? 'soft';
  if (body.template !== null && body.paymentLink) {
    return {
      reason: 'a step has either a payment link or its own template, not both',
      unknown: [],
    };
  }
  return {
    id: body.id,
    offsetDays: when.offsetDays,
    dayKind: when.dayKind,
    channels: body.channels,
    tone,
    template:
      body.template ?? (body.paymentLink ? paymentLinkTemplate(tone) : defaultTemplate(tone)),
    conditions: body.conditions,
    approval: body.approval ?? 'review',
    action: body.action,
  };
}
