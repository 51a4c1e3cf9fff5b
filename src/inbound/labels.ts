// The labelled reply set (data/replies/labels.jsonl): schema and the tune / held-out split.
import { z } from 'zod';
import { parseLocalDate } from '../core/local-date.ts';
import type { LocalDate } from '../core/local-date.ts';
import { intents } from './intent/types.ts';
import type { Intent } from './intent/types.ts';

const localDate = z.string().refine((s) => parseLocalDate(s) !== null, 'YYYY-MM-DD');

const labelSchema = z.object({
  id: z.string().min(1),
  lang: z.string().min(2),
  receivedAt: localDate,
  subject: z.string(),
  body: z.string(),
  intent: z.enum(intents as [Intent, ...Intent[]]),
  promiseDate: localDate.optional(),
});

/** One hand-labelled reply. */
export type LabelledReply = {
  readonly id: string;
  readonly lang: string;
  readonly receivedAt: LocalDate;
  readonly subject: string;
  readonly body: string;
  readonly intent: Intent;
  readonly promiseDate?: LocalDate;
};

/** Parses JSON lines of labelled replies; throws with the line number on a bad line. */
export function parseLabels(jsonl: string): LabelledReply[] {
  return jsonl
    .split('\n')
    .map((line, i) => [line, i + 1] as const)
    .filter(([line]) => line.trim() !== '')
    .map(([line, n]) => {
      const parsed = labelSchema.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`labels line ${n}: ${parsed.error.message}`);
      const { promiseDate, receivedAt, ...rest } = parsed.data;
      const base = { ...rest, receivedAt: receivedAt as LocalDate };
      return promiseDate === undefined ? base : { ...base, promiseDate: promiseDate as LocalDate };
    });
}

/** Held out from tuning: ids whose last digit is 7, 8 or 9. Rules are tuned on the rest only. */
export function isHeldOut(id: string): boolean {
  return /[789]$/.test(id);
}
