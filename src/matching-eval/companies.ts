// Invented customer names in several countries, and the ways banks write them on a statement.
import type { Random } from '../demo/random.ts';

/** One country of the simulated customer base. */
export type Country = {
  readonly code: string;
  readonly currency: string;
  /** IBAN length; 0 where payments carry no IBAN (US ACH and wires). */
  readonly ibanLength: number;
  readonly weight: number;
  readonly surnames: readonly string[];
  readonly trades: readonly string[];
  readonly forms: readonly string[];
};

// prettier-ignore
export const countries: readonly Country[] = [
  { code: 'DE', currency: 'EUR', ibanLength: 22, weight: 22, surnames: ['Müller', 'Schäfer', 'Böhm', 'Weiß', 'Krüger', 'Hoffmann', 'Schröder', 'Köhler', 'Vogel', 'Lehmann', 'Jäger', 'Groß', 'Brandt', 'Zimmermann', 'Kühn', 'Sommer', 'Fuchs', 'Lange'], trades: ['Bau', 'Elektrotechnik', 'Logistik', 'Metallbau', 'Druckerei', 'Holzbau', 'Kältetechnik', 'Maschinenbau', 'Sanitär', 'Gerüstbau', 'Stahlhandel', 'Verpackung'], forms: ['GmbH', 'GmbH & Co. KG', 'AG', 'KG', 'e.K.'] },
  { code: 'FR', currency: 'EUR', ibanLength: 27, weight: 14, surnames: ['Lefèvre', 'Dubois', 'Moreau', 'Garnier', 'Rousseau', 'Fontaine', 'Bérenger', 'Lemaître', 'Chevalier', 'Girard', 'Mercier', 'Faure', 'Gauthier', 'Perrin'], trades: ['Industrie', 'Services', 'Transports', 'Bâtiment', 'Conseil', 'Emballages', 'Électricité', 'Menuiserie', 'Logistique', 'Fromagerie'], forms: ['SARL', 'SAS', 'SA', 'EURL'] },
  { code: 'NL', currency: 'EUR', ibanLength: 18, weight: 8, surnames: ['de Vries', 'Bakker', 'Visser', 'Smit', 'Meijer', 'van Dijk', 'Mulder', 'de Boer', 'Jansen', 'Hendriks'], trades: ['Installatie', 'Groothandel', 'Techniek', 'Transport', 'Bouw', 'Kozijnen'], forms: ['B.V.', 'N.V.', 'V.O.F.'] },
  { code: 'ES', currency: 'EUR', ibanLength: 24, weight: 6, surnames: ['García', 'Martínez', 'López', 'Sánchez', 'Pérez', 'Muñoz', 'Jiménez', 'Ibáñez', 'Núñez'], trades: ['Construcciones', 'Distribuciones', 'Ingeniería', 'Suministros', 'Transportes', 'Cerámicas'], forms: ['S.L.', 'S.A.', 'S.L.U.'] },
  { code: 'IT', currency: 'EUR', ibanLength: 27, weight: 5, surnames: ['Rossi', 'Bianchi', 'Ferrari', 'Esposito', 'Ricci', 'Colombo', 'Lombardi', 'Galli'], trades: ['Meccanica', 'Costruzioni', 'Trasporti', 'Alimentari', 'Impianti', 'Tessile'], forms: ['S.r.l.', 'S.p.A.', 'S.a.s.'] },
  { code: 'GB', currency: 'GBP', ibanLength: 22, weight: 16, surnames: ['Ashford', 'Whitmore', 'Carrington', 'Holloway', 'Pemberton', 'Thornbury', 'Fairfax', 'Kingsley', 'Osborne', 'Radcliffe', "O'Neill", 'Blackwood'], trades: ['Engineering', 'Supplies', 'Joinery', 'Logistics', 'Print', 'Facilities', 'Plumbing', 'Catering', 'Electrical'], forms: ['Ltd', 'Limited', 'plc', 'LLP'] },
  { code: 'US', currency: 'USD', ibanLength: 0, weight: 18, surnames: ['Lakeside', 'Summit', 'Redwood', 'Granite', 'Prairie', 'Harbor', 'Bluegrass', 'Ironwood', 'Cascade', 'Sierra', 'Liberty', 'Keystone'], trades: ['Manufacturing', 'Distribution', 'Software', 'Medical', 'Foods', 'Fabrication', 'Logistics', 'Plastics', 'Analytics'], forms: ['Inc.', 'LLC', 'Corp.', 'Co.'] },
  { code: 'CH', currency: 'CHF', ibanLength: 21, weight: 5, surnames: ['Keller', 'Brunner', 'Gerber', 'Baumann', 'Frei', 'Zürcher', 'Hämmerli'], trades: ['Präzision', 'Pharma', 'Maschinen', 'Uhren', 'Treuhand'], forms: ['AG', 'GmbH', 'SA', 'Sàrl'] },
  { code: 'SE', currency: 'SEK', ibanLength: 24, weight: 3, surnames: ['Lindqvist', 'Berg', 'Nyström', 'Holm', 'Åkesson', 'Sjöberg'], trades: ['Bygg', 'Verkstad', 'Data', 'Trä', 'Elteknik'], forms: ['AB'] },
  { code: 'PL', currency: 'EUR', ibanLength: 28, weight: 3, surnames: ['Nowak', 'Kowalski', 'Wiśniewski', 'Wójcik', 'Łukasik', 'Zieliński'], trades: ['Budownictwo', 'Transport', 'Handel', 'Instalacje'], forms: ['Sp. z o.o.', 'S.A.'] },
];

/** Picks a country by weight. */
export function pickCountry(random: Random): Country {
  const total = countries.reduce((s, c) => s + c.weight, 0);
  let roll = random.next() * total;
  for (const c of countries) {
    roll -= c.weight;
    if (roll < 0) return c;
  }
  return countries[0] as Country;
}

/** An invented company name: "Müller Bau GmbH", "Lefèvre & Dubois Transports SAS". */
export function companyName(random: Random, c: Country): string {
  const first = random.pick(c.surnames);
  const partner = random.chance(0.3) ? ` & ${random.pick(c.surnames.filter((s) => s !== first))}` : '';
  const trade = random.pick(c.trades);
  const second = random.chance(0.25) ? ` ${random.pick(c.trades.filter((t) => t !== trade))}` : '';
  return `${first}${partner} ${trade}${second} ${random.pick(c.forms)}`;
}

// Unrelated payers: holding companies, factoring houses, private persons paying for a firm.
// prettier-ignore
const otherPayers = ['Nordic Holding AB', 'Crédit Agricole Factoring', 'Brightwater Group Holdings Ltd', 'Zhang Wei', 'Søren Kierkegaard ApS', 'Østergaard Invest A/S', 'Ömer Yılmaz', 'Groupe Lumière SA', 'Takahashi Trading K.K.', 'Álvarez Holding S.L.', 'GEFA Factoring GmbH', 'Pacific Rim Treasury Corp.', 'Dvořák & Syn s.r.o.'];

/** Someone else paying on the customer's behalf. */
export function otherPayer(random: Random): string {
  return random.pick(otherPayers);
}

/** The name as a bank might print it: upper case, transliterated, cut short, form changed. */
export function bankRendering(random: Random, name: string): string {
  const roll = random.next();
  if (roll < 0.3) return name;
  const upper = transliterate(name).toUpperCase();
  if (roll < 0.6) return upper;
  if (roll < 0.75) return upper.replace(/\b(GMBH & CO\. KG|GMBH|LTD|LIMITED|INC\.|LLC|SARL|SAS|B\.V\.|S\.L\.|AG|AB)\b/, (f) => swapForm(f)).trim();
  if (roll < 0.82) {
    const words = upper.split(' ');
    return [...words.slice(1, -1), words[0], words.at(-1)].join(' ');
  }
  return upper.slice(0, random.int(20, 27)).trim();
}

function swapForm(form: string): string {
  const swaps: Record<string, string> = { LTD: 'LIMITED', LIMITED: 'LTD', 'INC.': 'INCORPORATED', SARL: 'S.A.R.L.', 'B.V.': 'BV' };
  return swaps[form] ?? '';
}

function transliterate(name: string): string {
  return name
    .replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/Ä/g, 'Ae').replace(/Ö/g, 'Oe').replace(/Ü/g, 'Ue')
    .replace(/ß/g, 'ss').replace(/ł/g, 'l').replace(/Ł/g, 'L')
    .normalize('NFD').replace(/\p{M}+/gu, '');
}
