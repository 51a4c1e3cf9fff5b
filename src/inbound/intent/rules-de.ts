// German phrase patterns per intent.
import { rule } from './phrase-rule.ts';
import type { PhraseRule } from './phrase-rule.ts';

const paidVerb = '(?:bezahlt|überwiesen|beglichen|angewiesen|gezahlt|eingezogen|ausgeglichen)';

/** German evidence for each intent. */
export const germanRules: readonly PhraseRule[] = [
  rule('paid', 3, `(?:bereits|schon|längst|wurde|wurden|ist|haben|hatten|habe|hat)(?: \\S+){0,6} ${paidVerb}`, true),
  rule('paid', 3, '(?:zahlung|betrag|überweisung|das)(?: \\S+){0,6} (?:ist|wurde|ging)(?: \\S+){0,6} (?:raus(?:gegangen)?|erfolgt|ausgeführt|überwiesen|angewiesen)'),
  rule('paid', 2, paidVerb, true),
  rule('paid', 2, 'ist (?:gestern|heute|schon|bereits) raus|überweisungsbeleg|zahlungsbeleg|per lastschrift|überschnitten'),
  rule('promise', 3, '(?:wir|ich) (?:werden |werde )?(?:\\S+ ){0,5}(?:zahlen|überweisen|begleichen|bezahlen|anweisen)(?!\\p{L})'),
  rule('promise', 3, '(?:zahlung|überweisung|betrag) (?:erfolgt|kommt|geht|wird)|wird (?:\\S+ ){0,5}(?:beglichen|bezahlt|überwiesen|erfolgen)|(?:zahlen|überweisen) (?:wir|ich)'),
  rule('promise', 2, 'geht (?:\\S+ ){0,4}raus|noch nicht (?:bezahlt|gezahlt|überwiesen)|machen wir'),
  rule('dispute', 3, '(?:nie|nicht) (?:bestellt|beauftragt|angekommen|geliefert)|nicht bei uns angekommen|keine lieferung'),
  rule('dispute', 5, 'doppelt|zweimal (?:gestellt|berechnet)|identische rechnung'),
  rule('dispute', 3, 'mangelhaft|defekt|gebrochen|beschädigt|mängelrüge|reklamiert|reklamation|undicht|mängel'),
  rule('dispute', 3, '(?:falsche[rn]?|fehlerhaft)(?! (?:adresse|empfänger|person))|stimmt nicht|nicht korrekt|storniert'),
  rule('dispute', 2, 'korrigier\\p{L}*|gutschrift|stornieren|halten (?:\\S+ ){0,4}zurück|vereinbart waren|zahlen (?:wir )?(?:diese rechnung )?(?:nicht|erst nach)'),
  rule('question', 2, '(?:^|[.!?\\n]\\s*)(?:warum|wieso|weshalb|was|welche[rsn]?|wie|wann|wer|wo|ist|sind|gibt es|können sie mir sagen|bis wann|auf welches)[^.!\\n]*\\?'),
  rule('copy_request', 3, '(?:kopie|rechnungskopie|duplikat|kontoauszug|nochmal|noch einmal|erneut)(?: \\S+){0,6} (?:schicken|senden|zusenden|übersenden|zukommen)'),
  rule('copy_request', 3, '(?:schicken|senden|übersenden|zusenden)(?: \\S+){0,6} (?:rechnung|kopie|kontoauszug|pdf)(?: \\S+){0,3} (?:nochmal|noch einmal|erneut|zu)|übersendung'),
  rule('copy_request', 3, '(?:übersenden|zusenden|schicken|senden) sie (?:uns|mir) (?:bitte )?(?:eine |die |den )?(?:kopie|rechnung|rechnungskopie|kontoauszug)'),
  rule('copy_request', 2, 'liegt uns nicht vor|finde sie nicht|anhang ist leer|rechnungskopie|kontoauszug|als pdf'),
  rule('wrong_contact', 3, 'nicht mehr (?:zuständig|bei|aktiv|für)|verlassen|falsche adresse|falscher empfänger|bei mir falsch|nichts (?:damit )?zu tun|privatperson|arbeite (?:\\S+ ){0,3}nicht mehr|ist bei uns (?:\\S+ ){0,3}zuständig|nicht zuständig'),
  rule('wrong_contact', 2, 'bitte an|wenden sie sich (?:bitte )?an|künftig an|richtige adresse|ab sofort'),
  rule('out_of_office', 4, 'nicht im büro|im (?:weihnachts)?urlaub|abwesen\\p{L}*|wieder erreichbar|wieder im büro|elternzeit|nicht weitergeleitet|keinen zugriff'),
  rule('plan_request', 3, 'raten(?:zahlung|vereinbarung)?|stundung|zahlungsaufschub|aufschub|verschieben|abstottern|monatlich|aufteilen|teilzahlung|zahlungsplan'),
  rule('stop', 4, 'keine (?:weiteren )?(?:e-?mails|mails|nachrichten)|abmelden|verteiler|hören sie auf|nicht mehr (?:zu )?(?:kontaktieren|schreiben|anschreiben)|schreiben sie mir nicht|widerspreche|löschen sie meine|entfernen sie meine'),
  rule('other', 1.5, 'danke für die (?:info|erinnerung)|leite (?:\\S+ ){0,4}weiter|ist angekommen|melde mich|grüße aus dem urlaub|sehen uns'),
];
