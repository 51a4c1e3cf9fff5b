// The words of company names that say nothing about which company it is, and the
// abbreviations banks and payers use for the ones that do. All written as `payer-name.ts`
// normalises names: upper case, no dots or accents, "AE"/"OE"/"UE" folded to "A"/"O"/"U".

// Legal forms, joined without dots ("B.V." -> "BV", "S.p.A." -> "SPA", "Sp. z o.o." ->
// "SP ZOO", "e.K." -> "EK", "A/S" -> "AS"), and filler words.
// prettier-ignore
export const legalWords: ReadonlySet<string> = new Set([
  // German-speaking countries
  'GMBH', 'MBH', 'CO', 'KG', 'AG', 'KGAA', 'OHG', 'UG', 'EV', 'EK', 'EG', 'GBR', 'PARTG', 'SE',
  // English-speaking countries
  'LTD', 'LIMITED', 'PLC', 'LLP', 'LP', 'LLC', 'PLLC', 'INC', 'INCORPORATED', 'CORP', 'CORPORATION',
  'COMPANY', 'PVT', 'PTY', 'PTE', 'BHD',
  // French, Belgian, Swiss, Luxembourg
  'SARL', 'SAS', 'SASU', 'SA', 'EURL', 'SNC', 'SCI', 'SCS', 'SCA', 'SELARL', 'SPRL', 'BVBA', 'SCRL',
  // Dutch, Flemish
  'BV', 'NV', 'VOF', 'CV',
  // Spanish, Italian, Portuguese
  'SL', 'SLU', 'SAU', 'SRL', 'SRLS', 'SPA', 'SAPA', 'SS', 'LDA', 'LTDA',
  // Nordic
  'AB', 'AS', 'ASA', 'APS', 'AMBA', 'IVS', 'OY', 'OYJ', 'HF', 'EHF',
  // Central and Eastern Europe, Japan
  'SP', 'Z', 'OO', 'ZOO', 'SRO', 'SPOL', 'KFT', 'ZRT', 'NYRT', 'DOO', 'DD', 'OU', 'KK',
  // filler
  'THE', 'AND', 'UND', 'ET', 'CIE', 'CIA', 'Y', 'E', 'DE', 'VAN', 'DER', 'LA', 'LE', 'LES',
]);

// Abbreviations seen on statements and in customer master data that are not simply the start
// of the word (those already match: "DISTR" is the start of "DISTRIBUTION"). Whole words
// only, and only unambiguous ones: "INT" could be "international" or "interior", so it stays.
// prettier-ignore
const shortForms: readonly (readonly [string, string])[] = [
  ['INTL', 'INTERNATIONAL'], ['MFG', 'MANUFACTURING'], ['MFRS', 'MANUFACTURERS'], ['SVCS', 'SERVICES'],
  ['SVC', 'SERVICE'], ['ENGG', 'ENGINEERING'], ['ENGR', 'ENGINEERING'], ['IND', 'INDUSTRIES'], ['INDS', 'INDUSTRIES'],
  ['BROS', 'BROTHERS'], ['ASSN', 'ASSOCIATION'], ['MGMT', 'MANAGEMENT'], ['MKTG', 'MARKETING'], ['HLDGS', 'HOLDINGS'],
  ['HLDG', 'HOLDING'], ['GRP', 'GROUP'], ['NATL', 'NATIONAL'], ['DEPT', 'DEPARTMENT'], ['SYS', 'SYSTEMS'],
  ['SOLNS', 'SOLUTIONS'], ['GES', 'GESELLSCHAFT'], ['ETS', 'ETABLISSEMENTS'], ['STE', 'SOCIETE'],
];

/** Abbreviation -> the word it stands for, both in normalised form. */
export const abbreviations: ReadonlyMap<string, string> = new Map(
  shortForms.map(([short, long]) => [short, long.replace(/([AOU])E/g, '$1')] as const),
);
