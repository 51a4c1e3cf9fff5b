import { dateInZone, type Clock } from './core/clock.ts';

/** The real clock, for production; the core and engine only ever see the Clock port. */
export const systemClock: Clock = {
  now: () => new Date(),
  today: (zone) => dateInZone(new Date(), zone),
};
