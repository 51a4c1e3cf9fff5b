import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Segment } from '../ledger.ts';
import { finalizeSteps, type StepDraft } from './finalize.ts';
import { compilePlain } from './plain/compile-plain.ts';
import { toPlain } from './plain/to-plain.ts';
import { presetNames, presets } from './presets.ts';
import { defaultTemplate, paymentLinkTemplate } from './step-defaults.ts';
import { channels, tones, type Policy, type StepCondition } from './types.ts';

/** A small seeded generator (mulberry32), so a failing case can be replayed by its seed. */
function random(seed: number): {
  int: (lo: number, hi: number) => number;
  pick: <T>(xs: readonly T[]) => T;
  chance: (p: number) => boolean;
} {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number): number => lo + Math.floor(next() * (hi - lo + 1));
  return {
    int,
    pick: (xs) => xs[int(0, xs.length - 1)] as (typeof xs)[number],
    chance: (p) => next() < p,
  };
}

type Rng = ReturnType<typeof random>;

function subset<T>(rng: Rng, xs: readonly T[], min: number): T[] {
  const shuffled = [...xs].sort(() => rng.int(-1, 1));
  return shuffled.slice(0, rng.int(min, xs.length));
}

function bound(rng: Rng): bigint | null {
  return rng.chance(0.4) ? null : BigInt(rng.int(0, 5_000_000));
}

function condition(rng: Rng): StepCondition {
  switch (rng.int(0, 4)) {
    case 0:
      return {
        kind: 'segment',
        segments: subset<Segment>(rng, ['standard', 'strategic', 'new_account', 'chronic_late'], 1),
      };
    case 1: {
      const [lo, hi] = [bound(rng), bound(rng)];
      const swap = lo !== null && hi !== null && lo > hi;
      return {
        kind: 'open_amount',
        currency: rng.pick(['EUR', 'JPY', 'KWD', 'USD', null]),
        minMinor: swap ? hi : lo,
        maxMinor: swap ? lo : hi,
      };
    }
    case 2:
      return { kind: 'currency', currencies: subset(rng, ['EUR', 'USD', 'CHF', 'GBP'], 1) };
    case 3:
      return { kind: 'country', countries: subset(rng, ['DE', 'AT', 'FR', 'US', 'IN'], 1) };
    default:
      return { kind: 'no_reply_since_last_step' };
  }
}

function randomPolicy(seed: number): Policy {
  const rng = random(seed);
  const drafts: StepDraft[] = [];
  const used = new Set<string>();
  for (let i = rng.int(1, 7); i > 0; i--) {
    const offsetDays = rng.int(-30, 120);
    const dayKind = rng.chance(0.2) ? 'business' : 'calendar';
    if (used.has(`${offsetDays}${dayKind}`)) continue;
    used.add(`${offsetDays}${dayKind}`);
    const tone = rng.pick(tones);
    const action = rng.chance(0.15) ? 'hand_over_to_owner' : 'none';
    drafts.push({
      id: rng.chance(0.3) ? `step_${i}.${rng.int(0, 99)}` : null,
      offsetDays,
      dayKind,
      channels: subset(rng, channels, action === 'none' ? 1 : 0),
      tone,
      template: rng.pick([
        defaultTemplate(tone),
        paymentLinkTemplate(tone),
        `custom-${rng.int(1, 9)}`,
        'reminder-soft',
      ]),
      conditions: Array.from({ length: rng.int(0, 3) }, () => condition(rng)),
      approval: rng.chance(0.5) ? 'auto' : 'review',
      action,
    });
  }
  const { steps, problems } = finalizeSteps(drafts);
  assert.deepEqual(problems, []);
  const start = rng.int(0, 23);
  return {
    id: `random-${seed}`,
    name: rng.pick(['Random', 'Net 60. "Slow" payers', 'Übergabe: Bau & Handwerk', 'a\\b']),
    steps,
    settings: {
      minDaysBetweenTouches: rng.int(0, 30),
      sendWindow: { startHour: start, endHour: rng.int(start + 1, 24) },
      preferredWeekdays: subset(rng, [1, 2, 3, 4, 5, 6, 7], 0).sort((a, b) => a - b),
      holidayCalendar: rng.chance(0.5)
        ? { kind: 'contact_country' }
        : { kind: 'country', country: rng.pick(['DE', 'US', 'FR']) },
      consolidation: rng.chance(0.5),
      maxTouches: rng.chance(0.5) ? null : rng.int(1, 12),
    },
  };
}

test('every preset prints as text that compiles to the same preset', () => {
  for (const name of presetNames) {
    const text = toPlain(presets[name] as Policy);
    assert.deepEqual(compilePlain(text), { ok: true, policy: presets[name] }, text);
  }
});

test('random policies survive toPlain -> compilePlain unchanged', () => {
  for (let seed = 1; seed <= 300; seed++) {
    const policy = randomPolicy(seed);
    const text = toPlain(policy);
    assert.deepEqual(compilePlain(text), { ok: true, policy }, `seed ${seed}:\n${text}`);
  }
});

test('presets are well-formed ladders', () => {
  assert.deepEqual(presetNames, ['b2b-net30', 'saas-weekly', 'long-terms', 'soft-only']);
  for (const name of presetNames) {
    const p = presets[name] as Policy;
    assert.equal(p.id, name);
    assert.deepEqual(finalizeSteps(p.steps).problems, [], name);
    assert.deepEqual(finalizeSteps(p.steps).steps, p.steps, `${name} is sorted`);
  }
  assert.deepEqual(
    presets['b2b-net30']?.steps.map((s) => [s.id, s.tone, s.channels.join('+'), s.action]),
    [
      ['d-3', 'soft', 'email', 'none'],
      ['d0', 'soft', 'email', 'none'],
      ['d+7', 'firm', 'email', 'none'],
      ['d+14', 'firm', 'email+call_task', 'none'],
      ['d+30', 'formal', 'email+letter', 'none'],
      ['d+45', 'final', 'letter', 'hand_over_to_owner'],
    ],
  );
  assert.ok(
    presets['saas-weekly']?.steps.every(
      (s) => s.approval === 'auto' && s.channels.join() === 'email',
    ),
  );
  assert.ok(presets['soft-only']?.steps.every((s) => s.tone === 'soft'));
});
