import type { Channel, StepAction, StepCondition, Tone } from '../types.ts';

/** What the body of a step sentence has said so far, filled in clause by clause. */
export type BodyState = {
  tone: Tone | null;
  /** A tone implied by a noun ("reminder" firm, "notice" formal); an adjective overrides it. */
  nounTone: Tone | null;
  channels: Channel[];
  paymentLink: boolean;
  template: string | null;
  id: string | null;
  approval: 'review' | 'auto' | null;
  action: StepAction;
  conditions: StepCondition[];
};

/** An empty body. */
export function emptyBody(): BodyState {
  return {
    tone: null,
    nounTone: null,
    channels: [],
    paymentLink: false,
    template: null,
    id: null,
    approval: null,
    action: 'none',
    conditions: [],
  };
}

/** One phrase of a step body: a sticky regex and what it does; an error text when it cannot apply. */
export type Rule = {
  readonly re: RegExp;
  readonly apply: (m: RegExpExecArray, body: BodyState) => string | null;
};
