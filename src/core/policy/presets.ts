import { defaultStepId, defaultTemplate, paymentLinkTemplate } from './step-defaults.ts';
import { defaultPolicySettings } from './types.ts';
import type { Channel, Policy, PolicySettings, PolicyStep, StepAction, Tone } from './types.ts';

type StepOptions = {
  readonly paymentLink?: boolean;
  readonly approval?: 'review' | 'auto';
  readonly action?: StepAction;
};

function step(
  offsetDays: number,
  tone: Tone,
  channels: readonly Channel[],
  options: StepOptions = {},
): PolicyStep {
  return {
    id: defaultStepId(offsetDays, 'calendar'),
    offsetDays,
    dayKind: 'calendar',
    channels,
    tone,
    template: options.paymentLink === true ? paymentLinkTemplate(tone) : defaultTemplate(tone),
    conditions: [],
    approval: options.approval ?? 'review',
    action: options.action ?? 'none',
  };
}

function settings(overrides: Partial<PolicySettings>): PolicySettings {
  return { ...defaultPolicySettings, ...overrides };
}

const b2bNet30: Policy = {
  id: 'b2b-net30',
  name: 'B2B net 30',
  steps: [
    step(-3, 'soft', ['email']),
    step(0, 'soft', ['email'], { paymentLink: true }),
    step(7, 'firm', ['email']),
    step(14, 'firm', ['email', 'call_task']),
    step(30, 'formal', ['email', 'letter']),
    step(45, 'final', ['letter'], { action: 'hand_over_to_owner' }),
  ],
  // The ladder starts three days before the due date, so the cap must let d-3 and d0 both out.
  settings: settings({ minDaysBetweenTouches: 3 }),
};

const auto = { approval: 'auto' } as const;
const saasWeekly: Policy = {
  id: 'saas-weekly',
  name: 'SaaS weekly',
  steps: [
    step(1, 'soft', ['email'], { ...auto, paymentLink: true }),
    step(7, 'soft', ['email'], auto),
    step(14, 'firm', ['email'], auto),
    step(21, 'formal', ['email'], auto),
    step(28, 'final', ['email'], auto),
  ],
  settings: settings({ minDaysBetweenTouches: 6 }),
};

const longTerms: Policy = {
  id: 'long-terms',
  name: 'Long terms (construction)',
  steps: [
    step(-7, 'soft', ['email']),
    step(10, 'soft', ['email'], { paymentLink: true }),
    step(30, 'firm', ['email']),
    step(60, 'formal', ['email', 'letter']),
    step(90, 'final', ['letter'], { action: 'hand_over_to_owner' }),
  ],
  settings: settings({ minDaysBetweenTouches: 14 }),
};

const softOnly: Policy = {
  id: 'soft-only',
  name: 'Soft reminders only',
  steps: [
    step(-3, 'soft', ['email']),
    step(3, 'soft', ['email'], { paymentLink: true }),
    step(10, 'soft', ['email']),
    step(20, 'soft', ['email']),
  ],
  settings: settings({ minDaysBetweenTouches: 5 }),
};

/** The shipped policies by id: a starting point to copy and adjust. */
export const presets: Readonly<Record<string, Policy>> = {
  'b2b-net30': b2bNet30,
  'saas-weekly': saasWeekly,
  'long-terms': longTerms,
  'soft-only': softOnly,
};

/** The preset ids, in the order they are offered. */
export const presetNames: readonly string[] = Object.keys(presets);
