import type { Random } from './random.ts';

/** Countries of the demo ledger: currency, zone, locale and name parts. Invented names only. */
export const demoCountries = [
  { country: 'DE', currency: 'EUR', zone: 'Europe/Berlin', lang: 'de', weight: 22, first: ['Müller', 'Schmidt', 'Becker', 'Hoffmann', 'Wagner', 'Krause', 'Lehmann', 'Vogel'], second: ['Bau', 'Technik', 'Logistik', 'Metall', 'Druck', 'Holz', 'Elektro', 'Kälte'], forms: ['GmbH', 'GmbH & Co. KG', 'AG', 'KG'], domain: 'de' },
  { country: 'FR', currency: 'EUR', zone: 'Europe/Paris', lang: 'fr', weight: 14, first: ['Dubois', 'Lefèvre', 'Moreau', 'Garnier', 'Rousseau', 'Fontaine'], second: ['Industrie', 'Services', 'Transports', 'Bâtiment', 'Conseil', 'Emballages'], forms: ['SARL', 'SAS', 'SA'], domain: 'fr' },
  { country: 'NL', currency: 'EUR', zone: 'Europe/Amsterdam', lang: 'nl', weight: 8, first: ['De Vries', 'Bakker', 'Visser', 'Smit', 'Meijer'], second: ['Installatie', 'Groothandel', 'Techniek', 'Transport'], forms: ['B.V.'], domain: 'nl' },
  { country: 'ES', currency: 'EUR', zone: 'Europe/Madrid', lang: 'es', weight: 6, first: ['García', 'Martínez', 'López', 'Sánchez'], second: ['Construcciones', 'Distribuciones', 'Ingeniería', 'Suministros'], forms: ['S.L.', 'S.A.'], domain: 'es' },
  { country: 'GB', currency: 'GBP', zone: 'Europe/London', lang: 'en', weight: 18, first: ['Ashford', 'Whitmore', 'Carrington', 'Holloway', 'Pemberton', 'Thornbury'], second: ['Engineering', 'Supplies', 'Joinery', 'Logistics', 'Print', 'Facilities'], forms: ['Ltd', 'plc', 'LLP'], domain: 'co.uk' },
  { country: 'US', currency: 'USD', zone: 'America/Chicago', lang: 'en', weight: 20, first: ['Lakeside', 'Summit', 'Redwood', 'Granite', 'Prairie', 'Harbor', 'Bluegrass'], second: ['Manufacturing', 'Distribution', 'Software', 'Medical', 'Foods', 'Fabrication'], forms: ['Inc.', 'LLC', 'Corp.'], domain: 'com' },
  { country: 'CH', currency: 'CHF', zone: 'Europe/Zurich', lang: 'de', weight: 5, first: ['Keller', 'Brunner', 'Gerber', 'Baumann'], second: ['Präzision', 'Pharma', 'Maschinen', 'Uhren'], forms: ['AG', 'GmbH'], domain: 'ch' },
  { country: 'SE', currency: 'SEK', zone: 'Europe/Stockholm', lang: 'en', weight: 4, first: ['Lindqvist', 'Berg', 'Nyström', 'Holm'], second: ['Bygg', 'Verkstad', 'Data', 'Trä'], forms: ['AB'], domain: 'se' },
  { country: 'JP', currency: 'JPY', zone: 'Asia/Tokyo', lang: 'en', weight: 3, first: ['Sakura', 'Fuji', 'Kawa', 'Midori'], second: ['Seiki', 'Shoji', 'Denki', 'Kogyo'], forms: ['K.K.', 'Co., Ltd.'], domain: 'co.jp' },
] as const;

export type DemoCountry = (typeof demoCountries)[number];

/** Picks a country by weight. */
export function pickCountry(random: Random): DemoCountry {
  const total = demoCountries.reduce((s, c) => s + c.weight, 0);
  let roll = random.next() * total;
  for (const c of demoCountries) {
    roll -= c.weight;
    if (roll < 0) return c;
  }
  return demoCountries[0];
}

/** An invented company name and a billing mailbox for it. */
export function companyName(random: Random, c: DemoCountry): { name: string; email: string } {
  const name = `${random.pick(c.first)} ${random.pick(c.second)} ${random.pick(c.forms)}`;
  const slug = name.toLowerCase().normalize('NFD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 30);
  // The reserved .example top-level domain (RFC 2606): demo mail can never reach anyone.
  return { name, email: `accounts@${slug}.${c.domain.replace('.', '-')}.example` };
}
