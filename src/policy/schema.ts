import { z } from 'zod';
import { maxOffsetDays, namePattern } from '../core/policy/step-defaults.ts';
import { channels, tones, type Channel, type Tone } from '../core/policy/types.ts';

// The written form of a policy (YAML or JSON, snake_case keys). Amounts stay text here: they
// become bigint minor units in to-policy.ts, where the currency is known.

const name = z
  .string()
  .regex(namePattern, 'use only letters, digits and . _ + - (starting with a letter or digit)');
const amountText = z.union([z.string(), z.number().int()], {
  error: "write amounts as quoted decimals, e.g. '500.00'",
});
const list = <T extends z.ZodType>(item: T) => z.array(item).min(1, 'list at least one value');

/** The ISO weekday names a YAML policy uses for preferred sending days. */
export const weekdayKeys = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
] as const;

export const openAmountSchema = z.strictObject({
  currency: z.string().nullable().optional(),
  min: amountText.nullable().optional(),
  max: amountText.nullable().optional(),
});

export const conditionSchema = z.strictObject({
  segment: list(z.enum(['standard', 'strategic', 'new_account', 'chronic_late'])).optional(),
  open_amount: openAmountSchema.optional(),
  currency: list(
    z.string().regex(/^[A-Z]{3}$/, 'a currency is a three-letter ISO 4217 code like EUR'),
  ).optional(),
  country: list(
    z.string().regex(/^[A-Z]{2}$/, 'a country is a two-letter ISO 3166 code like DE'),
  ).optional(),
  no_reply_since_last_step: z.literal(true).optional(),
});

export const stepSchema = z.strictObject({
  id: name.optional(),
  offset: z.number().int('offset is a whole number of days').min(-maxOffsetDays).max(maxOffsetDays),
  day_kind: z.enum(['calendar', 'business']).default('calendar'),
  channels: z.array(z.enum(channels as [Channel, ...Channel[]])).default([]),
  tone: z.enum(tones as [Tone, ...Tone[]]).default('soft'),
  template: name.optional(),
  payment_link: z.boolean().default(false),
  conditions: z.array(conditionSchema).default([]),
  approval: z.enum(['review', 'auto']).default('review'),
  action: z.enum(['none', 'hand_over_to_owner']).default('none'),
});

export const sendWindowSchema = z
  .strictObject({
    start_hour: z.number().int().min(0).max(23),
    end_hour: z.number().int().min(1).max(24),
  })
  .refine((w) => w.start_hour < w.end_hour, {
    error: 'start_hour must be before end_hour',
    path: ['end_hour'],
  });

export const settingsSchema = z.strictObject({
  min_days_between_touches: z.number().int().min(0).max(365).optional(),
  send_window: sendWindowSchema.optional(),
  preferred_weekdays: z.array(z.enum(weekdayKeys)).optional(),
  holiday_calendar: z
    .string()
    .refine((v) => v === 'contact_country' || /^[A-Z]{2}$/.test(v), {
      error: 'write "contact_country" or a two-letter country code like DE',
    })
    .optional(),
  consolidation: z.boolean().optional(),
  max_touches: z.number().int().min(1).nullable().optional(),
});

export const policySchema = z.strictObject({
  id: name,
  name: z.string().min(1).optional(),
  steps: z.array(stepSchema).min(1, 'a policy needs at least one step'),
  settings: settingsSchema.default({}),
});

export type PolicyDocument = z.infer<typeof policySchema>;
export type StepDocument = z.infer<typeof stepSchema>;
export type ConditionDocument = z.infer<typeof conditionSchema>;

/** The field names an object at this path may have, for "did you mean" on unknown fields. */
export function knownKeys(path: readonly PropertyKey[]): readonly string[] {
  const last = path[path.length - 1];
  const keysOf = (s: { shape: object }): string[] => Object.keys(s.shape);
  if (path.length === 0) return keysOf(policySchema);
  if (last === 'settings') return keysOf(settingsSchema);
  if (last === 'send_window') return ['start_hour', 'end_hour'];
  if (last === 'open_amount') return keysOf(openAmountSchema);
  if (path[path.length - 2] === 'conditions') return keysOf(conditionSchema);
  if (path[0] === 'steps') return keysOf(stepSchema);
  return [];
}
