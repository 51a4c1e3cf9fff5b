import { dateHolidaysLookup } from './calendar/date-holidays.ts';
import { BusinessCalendar } from './core/business-calendar.ts';
import { policyForSegment } from './core/segments.ts';
import type { Clock } from './core/clock.ts';
import { readPolicy } from './policy/read-policy.ts';
import type { CadenceStore } from './engine/cadence-ports.ts';
import type { RunDeps } from './engine/run-dunning.ts';
import { cadenceStore } from './store/cadence-store.ts';
import type { CashStore } from './engine/cash-ports.ts';
import { cashStore } from './store/cash-store.ts';
import { caseAdminStore } from './store/case-admin-store.ts';
import type { InboundStore } from './engine/inbound-ports.ts';
import { inboundStore } from './store/inbound-store.ts';
import { segmentHistory } from './store/segment-history.ts';
import { dispatchStore } from './store/dispatch-store.ts';
import { reviewStore } from './store/review-store.ts';
import type { DispatchStore } from './engine/dispatch-ports.ts';
import type { ReviewStore } from './engine/review-touches.ts';
import type { CaseAdminStore } from './engine/case-admin-ports.ts';
import type { SegmentHistorySource } from './engine/refresh-segments.ts';
import type { Config } from './config.ts';
import type { AccountDefaults } from './engine/account-resolver.ts';
import type { LedgerReader, LedgerStore } from './engine/ports.ts';
import { ledgerReader } from './store/ledger-reader.ts';
import { ledgerStore } from './store/ledger-store.ts';
import { openStore, type StoreHandle, type StoreLocation } from './store/open-store.ts';
import type { CardStore } from './engine/card-ports.ts';
import type { StripeContext, StripeStore } from './engine/stripe-ports.ts';
import { cardStore } from './store/card-store.ts';
import { stripeStore } from './store/stripe-store.ts';

/** Everything a command needs, built in one place. */
export type App = {
  readonly config: Config;
  readonly clock: Clock;
  readonly handle: StoreHandle;
  readonly ledger: LedgerStore;
  readonly reader: LedgerReader;
  readonly accountDefaults: AccountDefaults;
  readonly cadence: CadenceStore;
  readonly cash: CashStore;
  readonly caseAdmin: CaseAdminStore;
  readonly inbound: InboundStore;
  readonly segmentHistory: SegmentHistorySource;
  readonly review: ReviewStore;
  readonly dispatch: DispatchStore;
  /** The calendar and policies the cadence engine plans with. */
  readonly planning: RunDeps;
  readonly stripe: StripeStore;
  readonly cards: CardStore;
  /** What applying Stripe events needs: today, the card retry policy, the card-email mode. */
  stripeContext(actor: string): StripeContext;
  close(): Promise<void>;
};

/** Where the configuration says the store is: PostgreSQL when DATABASE_URL is set, else SQLite. */
export function storeLocation(config: Config): StoreLocation {
  return config.databaseUrl ? { kind: 'postgres', url: config.databaseUrl } : { kind: 'sqlite', dataDir: config.dataDir };
}

/** Opens the store (migrating it) and wires the engine's ports to it. */
export async function openApp(config: Config, clock: Clock): Promise<App> {
  const policy = readPolicy(config.policy);
  const handle = await openStore(storeLocation(config));
  return {
    config,
    clock,
    handle,
    ledger: ledgerStore(handle.db, clock),
    reader: ledgerReader(handle.db),
    accountDefaults: { timeZone: config.timeZone, country: config.country, locale: config.locale },
    cadence: cadenceStore(handle.db, handle.dialect, clock, handle.dialect === 'sqlite' ? handle.location : null),
    cash: cashStore(handle.db, handle.dialect, clock),
    caseAdmin: caseAdminStore(handle.db, clock),
    inbound: inboundStore(handle.db, clock),
    segmentHistory: segmentHistory(handle.db),
    review: reviewStore(handle.db, clock),
    dispatch: dispatchStore(handle.db, handle.dialect),
    planning: { calendar: new BusinessCalendar(dateHolidaysLookup()), policyFor: (segment) => policyForSegment(policy, segment) },
    stripe: stripeStore(handle.db, handle.dialect, clock),
    cards: cardStore(handle.db, handle.dialect, clock),
    stripeContext: (actor) => ({ today: clock.today(config.timeZone), actor, cardPolicy: { retryDays: config.cards.retryDays, graceDays: config.cards.graceDays }, cardEmails: config.cards.emails }),
    close: () => handle.close(),
  };
}
