import { addDays, isoWeekday, type LocalDate } from './local-date.ts';

/** Public holidays of a country (and region) in a year, as 'YYYY-MM-DD' → name. */
export type HolidayLookup = (country: string, region: string | null, year: number) => ReadonlyMap<string, string>;

/**
 * Weekend days (ISO weekday numbers) by country where they are not Saturday and Sunday.
 * Sources: national labour law summaries (e.g. Saudi Arabia, Israel, Egypt Fri–Sat;
 * the United Arab Emirates moved to Sat–Sun in 2022; Iran Friday; Nepal Saturday).
 */
const weekends: Readonly<Record<string, readonly number[]>> = {
  SA: [5, 6], IL: [5, 6], EG: [5, 6], KW: [5, 6], QA: [5, 6], BH: [5, 6], OM: [5, 6], JO: [5, 6],
  DZ: [5, 6], IQ: [5, 6], YE: [5, 6], LY: [5, 6], SY: [5, 6], SD: [5, 6], BD: [5, 6], MV: [5, 6],
  IR: [5], AF: [5], NP: [6],
};

/** The weekend days of a country: Saturday and Sunday unless it says otherwise. */
export function weekendOf(country: string): readonly number[] {
  return weekends[country.toUpperCase()] ?? [6, 7];
}

/** Why a day is not a business day, or null when it is one. */
export type NonBusinessReason = { readonly kind: 'weekend' } | { readonly kind: 'holiday'; readonly name: string };

/** Business days per country (and region): weekends and public holidays excluded. */
export class BusinessCalendar {
  readonly #lookup: HolidayLookup;

  constructor(lookup: HolidayLookup) {
    this.#lookup = lookup;
  }

  /** Whether `date` is a weekend day or public holiday in the country, and which. */
  whyNotBusinessDay(date: LocalDate, country: string, region: string | null = null): NonBusinessReason | null {
    if (weekendOf(country).includes(isoWeekday(date))) return { kind: 'weekend' };
    const name = this.#lookup(country.toUpperCase(), region, Number(date.slice(0, 4))).get(date);
    return name === undefined ? null : { kind: 'holiday', name };
  }

  isBusinessDay(date: LocalDate, country: string, region: string | null = null): boolean {
    return this.whyNotBusinessDay(date, country, region) === null;
  }

  /** `date` itself when it is a business day, else the next one. */
  onOrAfter(date: LocalDate, country: string, region: string | null = null): LocalDate {
    let d = date;
    for (let i = 0; i < 366 && !this.isBusinessDay(d, country, region); i++) d = addDays(d, 1);
    return d;
  }

  /** The date `n` business days after (or before, when negative) `date`. */
  addBusinessDays(date: LocalDate, n: number, country: string, region: string | null = null): LocalDate {
    const step = n < 0 ? -1 : 1;
    let d = date;
    for (let left = Math.abs(n); left > 0; ) {
      d = addDays(d, step);
      if (this.isBusinessDay(d, country, region)) left -= 1;
    }
    return d;
  }
}
