import { formatDecimal } from '../../money.ts';
import type { CurrencyCode } from '../../currency.ts';
import type { Segment } from '../../ledger.ts';
import { defaultStepId, defaultTemplate, paymentLinkTemplate } from '../step-defaults.ts';
import type { Channel, Policy, PolicySettings, PolicyStep, StepCondition } from '../types.ts';
import { quote } from './sentences.ts';
import { formatWeekdays } from './weekdays.ts';

const channelWords: Readonly<Record<Channel, string>> = {
  email: 'email',
  letter: 'letter',
  sms: 'SMS',
  whatsapp: 'WhatsApp',
  call_task: 'call task',
  portal: 'portal',
};
const segmentWords: Readonly<Record<Segment, string>> = {
  standard: 'standard',
  strategic: 'strategic',
  new_account: 'new',
  chronic_late: 'chronic late',
};

function when(step: PolicyStep): string {
  const n = Math.abs(step.offsetDays);
  const days = `${n} ${step.dayKind === 'business' ? 'business ' : ''}day${n === 1 ? '' : 's'}`;
  if (step.offsetDays < 0) return `${days} before due`;
  if (step.offsetDays === 0 && step.dayKind === 'calendar') return 'On the due date';
  return step.dayKind === 'business' ? `${days} after due` : `${days} overdue`;
}

function amount(minor: bigint | null, currency: string | null): string {
  if (minor === null) return '';
  return currency === null
    ? `${minor} minor units`
    : `${currency} ${formatDecimal(minor, currency as CurrencyCode)}`;
}

function condition(c: StepCondition): string {
  switch (c.kind) {
    case 'segment':
      return `for ${c.segments.map((s) => segmentWords[s]).join(' and ')} accounts`;
    case 'currency':
      return `if the currency is ${c.currencies.join(' or ')}`;
    case 'country':
      return `if the country is ${c.countries.join(' or ')}`;
    case 'no_reply_since_last_step':
      return 'if no reply since the last step';
    case 'open_amount': {
      const min = amount(c.minMinor, c.currency);
      const max = amount(c.maxMinor, c.currency);
      const prefix = 'if the open amount is';
      if (min && max) return `${prefix} at least ${min} and at most ${max}`;
      if (min) return `${prefix} at least ${min}`;
      if (max) return `${prefix} at most ${max}`;
      return c.currency === null ? `${prefix} any amount` : `${prefix} in ${c.currency}`;
    }
  }
}

/** One step as a sentence that compiles back to the same step. */
export function stepToPlain(step: PolicyStep): string {
  const parts: string[] = [step.tone];
  if (step.channels.length > 0) parts.push(step.channels.map((c) => channelWords[c]).join(' and '));
  if (step.template === paymentLinkTemplate(step.tone)) parts.push('with payment link');
  else if (step.template !== defaultTemplate(step.tone))
    parts.push(`using template ${quote(step.template)}`);
  if (step.id !== defaultStepId(step.offsetDays, step.dayKind))
    parts.push(`with id ${quote(step.id)}`);
  if (step.approval === 'auto') parts.push('automatically');
  let text = `${when(step)}: ${[parts.join(' '), ...step.conditions.map(condition)].join(', ')}`;
  if (step.action === 'hand_over_to_owner') text += ', then hand over to the owner';
  return `${text}.`;
}

function settingsToPlain(s: PolicySettings): string[] {
  const cap = s.minDaysBetweenTouches;
  return [
    `At most one touch every ${cap} day${cap === 1 ? '' : 's'}.`,
    `Send between ${s.sendWindow.startHour}:00 and ${s.sendWindow.endHour}:00 on ${formatWeekdays(s.preferredWeekdays)}.`,
    s.holidayCalendar.kind === 'contact_country'
      ? "Use public holidays of the contact's country."
      : `Use public holidays of ${s.holidayCalendar.country}.`,
    s.consolidation ? 'Consolidate per customer.' : 'Do not consolidate.',
    s.maxTouches === null
      ? 'No limit on touches per invoice.'
      : `At most ${s.maxTouches} touches per invoice.`,
  ];
}

/** Prints a policy as plain English that `compilePlain` compiles back to the same policy. */
export function toPlain(policy: Policy): string {
  return [
    `Policy ${quote(policy.id)} called ${quote(policy.name)}.`,
    ...policy.steps.map(stepToPlain),
    ...settingsToPlain(policy.settings),
  ].join('\n');
}
