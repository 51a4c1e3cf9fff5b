import Holidays from 'date-holidays';
import type { HolidayLookup } from '../core/business-calendar.ts';

/**
 * Where a country's public holidays differ by region and no region is given, the region most
 * businesses follow: in the United Kingdom, England and Wales (Scotland and Northern Ireland
 * have other bank holidays; give the region to use theirs).
 */
const defaultRegion: Readonly<Record<string, string>> = { GB: 'ENG' };

/**
 * Public holidays from the date-holidays package (its bundled rules; no network): only the type
 * 'public' counts; bank-only half days (24 Dec in Germany) and observances do not. Results are
 * cached per country, region and year. An unknown country has no holidays.
 */
export function dateHolidaysLookup(): HolidayLookup {
  const cache = new Map<string, ReadonlyMap<string, string>>();
  return (country, region, year) => {
    const key = `${country}/${region ?? ''}/${year}`;
    const hit = cache.get(key);
    if (hit) return hit;
    const days = new Map<string, string>();
    const area = region ?? defaultRegion[country] ?? null;
    const hd = area ? new Holidays(country, area) : new Holidays(country);
    const list = hd.getHolidays(year) || [];
    for (const h of list) {
      if (h.type === 'public') days.set(h.date.slice(0, 10), h.name);
    }
    cache.set(key, days);
    return days;
  };
}
