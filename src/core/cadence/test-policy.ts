import { defaultPolicySettings, type Policy, type PolicySettings, type PolicyStep } from '../policy/types.ts';

/** A B2B net-30 ladder for tests: -3, 0, +7, +14, +30, +45. */
export function ladder(settings: Partial<PolicySettings> = {}, steps?: readonly PolicyStep[]): Policy {
  const step = (offsetDays: number, tone: PolicyStep['tone'], channels: PolicyStep['channels']): PolicyStep => ({
    id: offsetDays === 0 ? 'd0' : offsetDays < 0 ? `d${offsetDays}` : `d+${offsetDays}`,
    offsetDays,
    dayKind: 'calendar',
    channels,
    tone,
    template: `reminder-${tone}`,
    conditions: [],
    approval: 'review',
    action: 'none',
  });
  return {
    id: 'test-ladder',
    name: 'test ladder',
    steps: steps ?? [
      step(-3, 'soft', ['email']),
      step(0, 'soft', ['email']),
      step(7, 'firm', ['email']),
      step(14, 'firm', ['email', 'call_task']),
      step(30, 'formal', ['email', 'letter']),
      step(45, 'final', ['letter']),
    ],
    settings: { ...defaultPolicySettings, preferredWeekdays: [], ...settings },
  };
}
