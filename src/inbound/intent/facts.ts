// Reads the facts an intent acts on: dates, amount, new contact, reference, dispute reason.
import { compareDates } from '../../core/local-date.ts';
import type { LocalDate } from '../../core/local-date.ts';
import { findDates } from '../dates.ts';
import type { DateMention } from '../dates.ts';
import type { DisputeReason, Intent, IntentFacts } from './types.ts';

/** The reading of a mention closest to the reference day (a gone day for "10.03." on 12 March). */
export function nearestReading(m: DateMention, ref: LocalDate): LocalDate | null {
  if (m.future === null || m.past === null) return m.future ?? m.past;
  const ahead = Date.parse(m.future) - Date.parse(ref);
  const back = Date.parse(ref) - Date.parse(m.past);
  return ahead <= back ? m.future : m.past;
}

// A promise or a return is about a coming day, so the future reading of each mention is used.
function pickFuture(mentions: readonly DateMention[], ref: LocalDate, latest: boolean): LocalDate | undefined {
  const future = (list: readonly DateMention[]): LocalDate[] =>
    list.map((m) => m.future).filter((d): d is LocalDate => d !== null && d >= ref);
  const absolute = future(mentions.filter((m) => m.absolute));
  const all = absolute.length > 0 ? absolute : future(mentions);
  const sorted = [...all].sort(compareDates);
  return latest ? sorted[sorted.length - 1] : all[0];
}

const disputeReasons: readonly (readonly [DisputeReason, RegExp])[] = [
  ['duplicate', /duplicate|twice|doppelt|zweimal|identische|doublon/i],
  ['not_ordered', /never ordered|not ordered|nobody .* requested|cancel+ed|nie bestellt|nicht bestellt|nicht beauftragt|storniert|jamais commandé|annulée?/i],
  ['quality', /damaged|defective|broken|faulty|quality|didn't work|did not work|mangelhaft|defekt|gebrochen|beschädigt|undicht|mängel|défectueu|endommag|qualité|conforme à ce/i],
  ['quantity_or_delivery', /arriv|deliver|receiv|recieve|missing|only (have|worked)|menge|geliefert|lieferung|angekommen|stück|livr|reçu|unités|late/i],
  ['price', /price|rate|quoted|discount|charged|billed|\$|£|€|preis|stundensatz|vereinbart|prix|tarif|devis|montant/i],
];

/** The facts found in a reply's new text, for the decided intent. */
export function extractFacts(text: string, subject: string, intent: Intent, ref: LocalDate, lang: string): IntentFacts {
  const facts: IntentFacts = {};
  const mentions = findDates(text, ref, lang);
  if (intent === 'promise' || intent === 'plan_request') {
    const d = pickFuture(mentions, ref, true);
    if (d) facts.promiseDate = d;
  }
  if (intent === 'out_of_office') {
    const d = pickFuture(mentions, ref, false);
    if (d) facts.returnDate = d;
  }
  if (intent === 'paid') {
    const d = mentions.map((m) => m.past).find((x): x is LocalDate => x !== null && x <= ref);
    if (d) facts.paidDate = d;
  }
  const amount = /(?:(?:EUR|USD|GBP|CHF|€|\$|£)\s?\d[\d.,']*\d|\d[\d.,' ]*\d\s?(?:€|EUR|USD|GBP|CHF|euros?|dollars?)(?!\p{L}))/iu.exec(text);
  if (amount) facts.amount = amount[0].trim();
  const email = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/.exec(text);
  if (email) facts.newContactEmail = email[0].toLowerCase();
  const reference =
    /(?:ref(?:erence)?|réf\.?|verwendungszweck|transaction id|confirmation number)[\s.:#]*([A-Z0-9][\w-]{2,})/i.exec(text)?.[1] ??
    /\b((?:INV|RE|F|PO|PAY|VIR)-[\w-]*\d[\w-]*)/i.exec(text)?.[1] ??
    /\b((?:INV|RE|F)-[\w-]*\d[\w-]*|\d{4}-\d{3,4})\b/i.exec(subject)?.[1];
  if (reference) facts.reference = reference;
  if (intent === 'dispute') facts.disputeReason = disputeReasons.find(([, re]) => re.test(text))?.[0] ?? 'other';
  return facts;
}
