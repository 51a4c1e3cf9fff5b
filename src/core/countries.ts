/**
 * A sensible time zone and language for a customer's country when the data does not say
 * (the capital's zone; the most common business language). Others fall back to settings.
 */
const table: Readonly<Record<string, readonly [zone: string, language: string]>> = {
  AT: ['Europe/Vienna', 'de'], BE: ['Europe/Brussels', 'nl'], CH: ['Europe/Zurich', 'de'],
  CZ: ['Europe/Prague', 'en'], DE: ['Europe/Berlin', 'de'], DK: ['Europe/Copenhagen', 'en'],
  ES: ['Europe/Madrid', 'es'], FI: ['Europe/Helsinki', 'en'], FR: ['Europe/Paris', 'fr'],
  GB: ['Europe/London', 'en'], IE: ['Europe/Dublin', 'en'], IT: ['Europe/Rome', 'en'],
  LU: ['Europe/Luxembourg', 'fr'], NL: ['Europe/Amsterdam', 'nl'], NO: ['Europe/Oslo', 'en'],
  PL: ['Europe/Warsaw', 'en'], PT: ['Europe/Lisbon', 'en'], SE: ['Europe/Stockholm', 'en'],
  HU: ['Europe/Budapest', 'en'], US: ['America/New_York', 'en'], CA: ['America/Toronto', 'en'],
  AU: ['Australia/Sydney', 'en'], NZ: ['Pacific/Auckland', 'en'], JP: ['Asia/Tokyo', 'en'],
  SG: ['Asia/Singapore', 'en'], IN: ['Asia/Kolkata', 'en'], MX: ['America/Mexico_City', 'es'],
};

/** The default time zone and language for an ISO 3166 alpha-2 country, or null if unknown. */
export function countryDefaults(country: string): { zone: string; language: string } | null {
  const hit = table[country.toUpperCase()];
  return hit ? { zone: hit[0], language: hit[1] } : null;
}
