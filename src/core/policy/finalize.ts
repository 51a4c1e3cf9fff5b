import { defaultStepId } from './step-defaults.ts';
import type { PolicyStep } from './types.ts';

/** A step as a source states it: the id may be left out. */
export type StepDraft = Omit<PolicyStep, 'id'> & { readonly id: string | null };

/** What is wrong with one drafted step; `index` is its position in the source, `field` a step key. */
export type StepProblem = {
  readonly index: number;
  readonly field: string;
  readonly reason: string;
};

/**
 * Gives unnamed steps their default id, sorts steps by offset (stable: steps on one day keep
 * their written order) and refuses ladders the engine could not key: duplicate ids, two steps
 * on the same day sending by the same channel, a channel twice in a step, a step that does nothing.
 */
export function finalizeSteps(drafts: readonly StepDraft[]): {
  readonly steps: readonly PolicyStep[];
  readonly problems: readonly StepProblem[];
} {
  const problems: StepProblem[] = [];
  const named = drafts.map((d) => ({ ...d, id: d.id ?? defaultStepId(d.offsetDays, d.dayKind) }));
  const idOwner = new Map<string, number>();
  const dayChannelOwner = new Map<string, number>();
  named.forEach((step, index) => {
    const firstWithId = idOwner.get(step.id);
    if (firstWithId === undefined) idOwner.set(step.id, index);
    else
      problems.push({
        index,
        field: 'id',
        reason: `step id "${step.id}" is already used by step ${firstWithId + 1}`,
      });
    if (step.channels.length === 0 && step.action === 'none') {
      problems.push({
        index,
        field: 'channels',
        reason: 'a step needs at least one channel or an action',
      });
    }
    const seen = new Set<string>();
    step.channels.forEach((channel, c) => {
      if (seen.has(channel)) {
        problems.push({
          index,
          field: `channels[${c}]`,
          reason: `channel "${channel}" is listed twice`,
        });
        return;
      }
      seen.add(channel);
      const key = `${step.offsetDays}/${step.dayKind}/${channel}`;
      const first = dayChannelOwner.get(key);
      if (first === undefined) dayChannelOwner.set(key, index);
      else
        problems.push({
          index,
          field: `channels[${c}]`,
          reason: `step ${first + 1} already sends by ${channel} on day ${formatOffset(step.offsetDays)}${step.dayKind === 'business' ? ' (business days)' : ''}`,
        });
    });
  });
  const steps = named
    .map((step, index) => ({ step, index }))
    .sort((a, b) => a.step.offsetDays - b.step.offsetDays || a.index - b.index)
    .map(({ step }) => step);
  return { steps, problems };
}

/** "+14", "0", "-3": an offset as people write it next to "day". */
export function formatOffset(offsetDays: number): string {
  return offsetDays > 0 ? `+${offsetDays}` : String(offsetDays);
}
