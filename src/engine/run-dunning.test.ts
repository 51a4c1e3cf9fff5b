// The run's claim order on a store double: claims go on from the furthest case claimed, and a
// case skipped meanwhile (held by another process, then let go) is still planned in the run.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dateHolidaysLookup } from '../calendar/date-holidays.ts';
import { BusinessCalendar } from '../core/business-calendar.ts';
import { ladder } from '../core/cadence/test-policy.ts';
import type { LocalDate } from '../core/local-date.ts';
import type { CadenceStore, CaseRecord, ClaimCursor } from './cadence-ports.ts';
import { runDunning } from './run-dunning.ts';

const today = '2026-03-10' as LocalDate;
const deps = { calendar: new BusinessCalendar(dateHolidaysLookup()), policyFor: () => ladder(), batchSize: 2 };

/** Due cases 1..n in memory; `held` is skipped by the first `heldFor` claims, as a row another transaction locks. */
function storeDouble(n: number, held: number, heldFor: number) {
  const next = new Map<number, LocalDate | null>(Array.from({ length: n }, (_, i) => [i + 1, today]));
  const claims: (ClaimCursor | null)[] = [];
  const record = (id: number): CaseRecord => ({ id, accountId: id, currency: 'EUR', state: { kind: 'active' }, nextActionOn: next.get(id) ?? null, lastTouchOn: null, lastReplyOn: null, touchesCount: 0 });
  const store: CadenceStore = {
    concurrentBatches: 1,
    transaction: (fn) => fn({
      claimDueCases: (day, limit, after) => {
        claims.push(after ?? null);
        const skipHeld = claims.length <= heldFor;
        const due = [...next].filter(([id, on]) => on !== null && on <= day && (after == null || id > after.id) && !(skipHeld && id === held)).map(([id]) => record(id));
        return Promise.resolve(due.slice(0, limit));
      },
      loadContexts: (cases) => Promise.resolve(cases.map((r) => ({ record: r, account: { id: r.accountId, ref: `A${r.accountId}`, name: 'A', country: 'DE', segment: 'standard', timeZone: 'Europe/Berlin' }, hasContact: true, invoices: [] }))),
      writePlans: (batch) => {
        for (const c of batch.cases) next.set(c.caseId, c.nextActionOn);
        return Promise.resolve();
      },
    }),
    casesActingBy: () => Promise.resolve([]),
    casesFor: () => Promise.resolve([]),
    decisionHistory: () => Promise.resolve([]),
  };
  return { store, claims, next };
}

test('each claim goes on from the last case claimed; the run ends with one claim from the start', async () => {
  const { store, claims } = storeDouble(5, 0, 0);
  const report = await runDunning(store, today, deps);
  assert.equal(report.cases, 5);
  assert.deepEqual(claims.map((c) => c?.id ?? null), [null, 2, 4, 5, null]);
});

test('a case another transaction held while the run went past it is planned by the claim from the start', async () => {
  const { store, claims, next } = storeDouble(5, 2, 3);
  const report = await runDunning(store, today, deps);
  assert.equal(report.cases, 5);
  assert.equal(next.get(2), null, 'case 2 was planned');
  assert.deepEqual(claims.map((c) => c?.id ?? null), [null, 3, 5, null, null]);
});
