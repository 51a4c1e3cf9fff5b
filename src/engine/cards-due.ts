// `cardRetriesDue`: the failed card payments a billing system should retry today (read only).
import type { LocalDate } from '../core/local-date.ts';
import type { CardFailure, CardStore } from './card-ports.ts';

/** Failures whose next retry is due on or before `today`, the longest waiting first. */
export async function cardRetriesDue(store: CardStore, today: LocalDate): Promise<CardFailure[]> {
  const retrying = await store.list(['retrying']);
  return retrying
    .filter((f) => f.nextRetryOn !== null && f.nextRetryOn <= today)
    .sort((a, b) => (a.nextRetryOn ?? '').localeCompare(b.nextRetryOn ?? '') || a.id - b.id);
}
