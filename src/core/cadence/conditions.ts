import type { PolicyStep, StepCondition } from '../policy/types.ts';
import type { PlanInput } from './types.ts';

/** Whether every condition of a step holds for the case; the first that fails, in words. */
export function conditionsHold(step: PolicyStep, input: PlanInput, openMinor: bigint): { ok: true } | { ok: false; why: string } {
  for (const c of step.conditions) {
    const why = failing(c, input, openMinor);
    if (why !== null) return { ok: false, why };
  }
  return holds;
}

/** Asked for every step of every invoice of a run: one shared answer when all hold. */
const holds = Object.freeze({ ok: true } as const);

function failing(c: StepCondition, input: PlanInput, openMinor: bigint): string | null {
  switch (c.kind) {
    case 'segment':
      return c.segments.includes(input.segment) ? null : `only for ${c.segments.join(', ')} accounts; this one is ${input.segment}`;
    case 'open_amount': {
      if (c.currency !== null && c.currency !== input.currency) return `only for open amounts in ${c.currency}`;
      if (c.minMinor !== null && openMinor < c.minMinor) return 'the open amount is below the step\u2019s minimum';
      if (c.maxMinor !== null && openMinor > c.maxMinor) return 'the open amount is above the step\u2019s maximum';
      return null;
    }
    case 'currency':
      return c.currencies.includes(input.currency) ? null : `only for ${c.currencies.join(', ')}`;
    case 'country':
      return c.countries.includes(input.country) ? null : `only for customers in ${c.countries.join(', ')}`;
    case 'no_reply_since_last_step':
      return input.lastReplyOn !== null && input.lastTouchOn !== null && input.lastReplyOn >= input.lastTouchOn
        ? `the customer replied on ${input.lastReplyOn}, after the last reminder`
        : null;
  }
}
