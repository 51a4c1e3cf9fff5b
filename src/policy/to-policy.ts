import { asCurrency } from '../core/currency.ts';
import { parseDecimal } from '../core/money.ts';
import type { StepDraft } from '../core/policy/finalize.ts';
import { defaultTemplate, paymentLinkTemplate } from '../core/policy/step-defaults.ts';
import {
  defaultPolicySettings,
  type PolicySettings,
  type StepCondition,
} from '../core/policy/types.ts';
import {
  weekdayKeys,
  type ConditionDocument,
  type PolicyDocument,
  type StepDocument,
} from './schema.ts';

/** A problem found after the shape was validated, at a path of the document. */
export type PathProblem = { readonly path: readonly PropertyKey[]; readonly reason: string };

type Path = readonly PropertyKey[];

function amount(
  text: string | number | null | undefined,
  currency: string | null,
  path: Path,
  problems: PathProblem[],
): bigint | null {
  if (text === null || text === undefined) return null;
  const written = String(text).trim();
  const code = currency === null ? null : asCurrency(currency);
  if (code === null) {
    // Without a currency the condition holds in any currency, so the bound is in minor units.
    if (/^\d+$/.test(written)) return BigInt(written);
    problems.push({
      path,
      reason: `"${written}": without a currency, amounts are whole minor units; add a currency to write decimals`,
    });
    return null;
  }
  const parsed = parseDecimal(written, code);
  if (parsed.kind === 'error') {
    problems.push({ path, reason: parsed.reason });
    return null;
  }
  return parsed.minor;
}

function condition(
  doc: ConditionDocument,
  path: Path,
  problems: PathProblem[],
): StepCondition | null {
  const keys = Object.keys(doc).filter((k) => doc[k as keyof ConditionDocument] !== undefined);
  if (keys.length !== 1) {
    problems.push({
      path,
      reason: `a condition has exactly one of segment, open_amount, currency, country, no_reply_since_last_step (found ${keys.length})`,
    });
    return null;
  }
  if (doc.segment) return { kind: 'segment', segments: doc.segment };
  if (doc.currency) return { kind: 'currency', currencies: doc.currency };
  if (doc.country) return { kind: 'country', countries: doc.country };
  if (doc.no_reply_since_last_step) return { kind: 'no_reply_since_last_step' };
  const a = doc.open_amount ?? {};
  const at = [...path, 'open_amount'];
  let currency = a.currency ?? null;
  if (currency !== null && asCurrency(currency) === null) {
    problems.push({
      path: [...at, 'currency'],
      reason: `"${currency}" is not an ISO 4217 currency code`,
    });
    currency = null;
  }
  const code = currency === null ? null : asCurrency(currency);
  const minMinor = amount(a.min, code, [...at, 'min'], problems);
  const maxMinor = amount(a.max, code, [...at, 'max'], problems);
  if (minMinor !== null && maxMinor !== null && minMinor > maxMinor) {
    problems.push({ path: [...at, 'max'], reason: 'max is below min' });
  }
  return { kind: 'open_amount', currency: code, minMinor, maxMinor };
}

function step(doc: StepDocument, index: number, problems: PathProblem[]): StepDraft {
  const path = ['steps', index];
  if (doc.template !== undefined && doc.payment_link) {
    problems.push({
      path: [...path, 'payment_link'],
      reason: 'a step has either payment_link or its own template, not both',
    });
  }
  const conditions = doc.conditions
    .map((c, i) => condition(c, [...path, 'conditions', i], problems))
    .filter((c) => c !== null);
  return {
    id: doc.id ?? null,
    offsetDays: doc.offset === 0 ? 0 : doc.offset,
    dayKind: doc.day_kind,
    channels: doc.channels,
    tone: doc.tone,
    template:
      doc.template ??
      (doc.payment_link ? paymentLinkTemplate(doc.tone) : defaultTemplate(doc.tone)),
    conditions,
    approval: doc.approval,
    action: doc.action,
  };
}

function settings(doc: PolicyDocument['settings']): PolicySettings {
  const d = defaultPolicySettings;
  const weekdays = doc.preferred_weekdays?.map((w) => weekdayKeys.indexOf(w) + 1);
  const holidays = doc.holiday_calendar;
  return {
    minDaysBetweenTouches: doc.min_days_between_touches ?? d.minDaysBetweenTouches,
    sendWindow: doc.send_window
      ? { startHour: doc.send_window.start_hour, endHour: doc.send_window.end_hour }
      : d.sendWindow,
    preferredWeekdays: weekdays
      ? [...new Set(weekdays)].sort((a, b) => a - b)
      : d.preferredWeekdays,
    holidayCalendar:
      holidays === undefined
        ? d.holidayCalendar
        : holidays === 'contact_country'
          ? { kind: 'contact_country' }
          : { kind: 'country', country: holidays },
    consolidation: doc.consolidation ?? d.consolidation,
    maxTouches: doc.max_touches === undefined ? d.maxTouches : doc.max_touches,
  };
}

/** Turns a validated document into step drafts and settings; amounts become bigint minor units. */
export function fromDocument(doc: PolicyDocument): {
  readonly drafts: readonly StepDraft[];
  readonly settings: PolicySettings;
  readonly problems: readonly PathProblem[];
} {
  const problems: PathProblem[] = [];
  const drafts = doc.steps.map((s, i) => step(s, i, problems));
  return { drafts, settings: settings(doc.settings), problems };
}
