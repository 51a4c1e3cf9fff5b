// German is read by rewriting a sentence into the English grammar, phrase by phrase, before
// parsing: one grammar to test, and problems still quote the sentence as it was written.

const phrases: readonly [string, string][] = [
  [
    'höchstens ein(?:en)? (?:kontakt|nachricht|erinnerung) (?:alle|pro|je) (\\S+) tage?',
    'at most one touch every $1 days',
  ],
  [
    'höchstens ein(?:en)? (?:kontakt|nachricht|erinnerung) (?:alle|pro|je) (\\S+) wochen?',
    'at most one touch every $1 weeks',
  ],
  ['senden zwischen (\\S+)(?: uhr)? und (\\S+)(?: uhr)?', 'send between $1 and $2'],
  ['(?:pro|je) kunde zusammenfassen|zusammenfassen pro kunde', 'consolidate per customer'],
  ['nicht zusammenfassen', 'do not consolidate'],
  ['am fälligkeitstag|bei fälligkeit|am fälligkeitsdatum|am tag der fälligkeit', 'on the due date'],
  ['vor (?:der )?fälligkeit', 'before due'],
  ['nach (?:der )?fälligkeit', 'after due'],
  ['am tag', 'on day'],
  ['mit (?:einem |dem )?zahlungslink', 'with payment link'],
  [
    '(?:und )?(?:dann )?an (?:den|die) (?:konto)?(?:verantwortlichen|betreuer(?:in)?|owner) übergeben',
    'then hand over to the owner',
  ],
  ['ohne (?:prüfung|freigabe)', 'automatically'],
  ['(?:nach|mit) (?:prüfung|freigabe)', 'after review'],
  ['für strategische kunden', 'for strategic accounts'],
  ['für neue kunden', 'for new accounts'],
  ['für standardkunden', 'for standard accounts'],
  ['für (?:chronische )?spätzahler', 'for chronic late payers'],
  [
    'wenn (?:es )?keine antwort seit dem letzten schritt(?: gibt)?',
    'if no reply since the last step',
  ],
  ['wenn der offene betrag (?:über|mindestens|ab)', 'if the open amount is at least'],
  ['wenn der offene betrag (?:unter|höchstens|bis)', 'if the open amount is at most'],
  ['von (\\S+) bis (\\S+)', 'on $1 to $2'],
  ['nur portal', 'portal only'],
];

// prettier-ignore
const words: Readonly<Record<string, string>> = {
  tag: 'day', tage: 'days', tagen: 'days', woche: 'week', wochen: 'weeks', werktage: 'business days',
  werktagen: 'business days', arbeitstage: 'business days', überfällig: 'overdue', ein: 'a', eine: 'a',
  einen: 'a', einer: 'a', zwei: 'two', drei: 'three', vier: 'four', fünf: 'five', sechs: 'six',
  sieben: 'seven', acht: 'eight', neun: 'nine', zehn: 'ten', vierzehn: 'fourteen', zwanzig: 'twenty',
  dreißig: 'thirty', freundliche: 'friendly', freundlichen: 'friendly', freundliches: 'friendly',
  höfliche: 'friendly', bestimmte: 'firm', deutliche: 'firm', förmliche: 'formal', letzte: 'final',
  finale: 'final', erinnerung: 'reminder', zahlungserinnerung: 'reminder', mahnung: 'notice',
  'e-mail': 'email', mail: 'email', brief: 'letter', post: 'letter', anruf: 'call task',
  anrufaufgabe: 'call task', telefonanruf: 'call task', und: 'and', dann: 'then', per: 'by',
  senden: 'send', schicken: 'send', versenden: 'send', erstellen: 'create', automatisch: 'automatically',
  montag: 'monday', dienstag: 'tuesday', mittwoch: 'wednesday', donnerstag: 'thursday',
  freitag: 'friday', samstag: 'saturday', sonntag: 'sunday', als: 'by',
};

const marker =
  /(?<!\p{L})(?:tage?n?|wochen?|fälligkeit|fälligkeitstag|überfällig|mahnung|erinnerung|brief|zusammenfassen|höchstens|senden)(?!\p{L})/iu;
const compiled = phrases.map(
  ([from, to]) =>
    [new RegExp(`(?<!\\p{L})${from.replace(/ /g, '\\s+')}(?!\\p{L})`, 'giu'), to] as const,
);
const word = /(?<![\p{L}-])[\p{L}-]+(?![\p{L}-])/gu;

/** Rewrites a German sentence into the English grammar; English (or language 'en') is returned as is. */
export function germanToEnglish(sentence: string, language?: 'en' | 'de'): string {
  // Odd parts are quoted ids, templates and names: never translated, never detected.
  const parts = sentence.split(/("(?:[^"\\]|\\.)*")/);
  const plain = parts.filter((_, i) => i % 2 === 0).join(' ');
  if (language === 'en' || (language === undefined && !marker.test(plain))) return sentence;
  return parts
    .map((part, i) => {
      if (i % 2 === 1) return part;
      let s = part;
      for (const [re, to] of compiled) s = s.replace(re, to);
      return s.replace(word, (w) => words[w.toLowerCase()] ?? w);
    })
    .join('');
}
