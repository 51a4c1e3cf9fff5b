// The two Liquid engines a template set renders with: plain text (subjects, text parts, letters,
// SMS) and HTML (every output escaped). Both read templates only from the in-memory map the
// loader built, so no template can include a file outside its template folder.
import { Liquid, type Context } from 'liquidjs';
import { asCurrency } from '../core/currency.ts';
import { formatAmount, formatLocalDate, formatPercent } from './format.ts';

/** A plain-text engine and an HTML-escaping engine over the same templates. */
export type Engines = { readonly text: Liquid; readonly html: Liquid };

/** Builds the engines over `files` (keys like "de/firm.email.liquid"). */
export function createEngines(files: Readonly<Record<string, string>>): Engines {
  return { text: engine(files, false), html: engine(files, true) };
}

function engine(files: Readonly<Record<string, string>>, html: boolean): Liquid {
  const liquid = new Liquid({
    templates: { ...files },
    extname: '.liquid',
    relativeReference: true,
    strictVariables: true,
    strictFilters: true,
    ownPropertyOnly: true,
    // Custom templates are user input: bound the work one of them can cause.
    parseLimit: 1_000_000,
    renderLimit: 2_000,
    memoryLimit: 10_000_000,
    ...(html ? { outputEscape: 'escape' as const } : {}),
  });
  liquid.registerFilter('money', money);
  liquid.registerFilter('localdate', localdate);
  liquid.registerFilter('percent', percent);
  return liquid;
}

/** What Liquid binds `this` to in a filter (liquidjs does not export the type). */
type FilterThis = { readonly context: Context };

function localeOf(filter: FilterThis): string {
  const locale = (filter.context.globals as { locale?: unknown }).locale;
  return typeof locale === 'string' ? locale : 'en';
}

/** {{ invoice.openMinor | money: invoice.currency }} -> "1.234,56 €" in the reader's locale. */
function money(this: FilterThis, minor: unknown, currency: unknown): string {
  if (typeof minor !== 'bigint') {
    throw new TypeError(
      `money: expects an amount in minor units (a ...Minor variable), got ${typeof minor}`,
    );
  }
  const code = typeof currency === 'string' ? asCurrency(currency) : null;
  if (code === null)
    throw new TypeError(`money: needs a currency code argument, e.g. money: currency`);
  return formatAmount(minor, code, localeOf(this));
}

/** {{ deadline | localdate }} -> "15. März 2025"; {{ d | localdate: 'medium' }} -> "15.03.2025". */
function localdate(this: FilterThis, date: unknown, style: unknown = 'long'): string {
  if (typeof date !== 'string')
    throw new TypeError(`localdate: expects a date, got ${typeof date}`);
  if (style !== 'long' && style !== 'medium')
    throw new TypeError(`localdate: style is 'long' or 'medium'`);
  return formatLocalDate(date, localeOf(this), style);
}

/** {{ interest.ratePercent | percent }} -> "12,12 %" (formatted from the decimal string, exactly). */
function percent(this: FilterThis, rate: unknown): string {
  if (typeof rate !== 'string')
    throw new TypeError(`percent: expects a decimal string such as "12.12"`);
  return formatPercent(rate, localeOf(this));
}
