// French phrase patterns per intent.
import { rule } from './phrase-rule.ts';
import type { PhraseRule } from './phrase-rule.ts';

const paidVerb = '(?:payée?s?|réglée?s?|effectuée?|virée?|versée?|envoyée?)';

/** French evidence for each intent. */
export const frenchRules: readonly PhraseRule[] = [
  rule('paid', 3, `(?:déjà|a été|avons|ai|ont été|est|c'est)(?: \\S+){0,4} ${paidVerb}`, true),
  rule('paid', 3, '(?:virement|paiement|règlement|facture)(?: \\S+){0,3} (?:a été|est) (?:\\S+ ){0,2}(?:effectué|fait|envoyé|parti|émis|réglée?|payée?)', true),
  rule('paid', 2, '(?:payée?|réglée?|réglé)(?: (?:par|le|depuis|hier|ce matin))?', true),
  rule('paid', 2, 'avis de virement|payé depuis|déjà payé|c\'est payé'),
  rule('promise', 3, "(?:nous|je|on) (?:allons |vais |va )?(?:vous )?(?:paierons|payerons|réglerons|règlerons|paie|paye|payons|réglons|procéderons|régler|payer)(?!\\p{L})"),
  rule('promise', 3, '(?:paiement|virement|règlement)(?: \\S+){0,3} (?:sera|interviendra|partira|prévu|va partir)|sera (?:effectué|fait|réglée?|payée?|viré)|partira le'),
  rule('promise', 2, "pas encore (?:payé|réglé)|je m'en occupe|sans faute"),
  rule('dispute', 3, 'jamais (?:commandé|reçu)(?! cette facture| la facture)|pas (?:commandé|conforme)|ne correspond pas|défectueu\\p{L}*|endommag\\p{L}*|qualité|contest\\p{L}*|litige|annulée?|refusons|erreur de prix'),
  rule('dispute', 5, 'doublon|en double|deux fois la même'),
  rule('dispute', 2, 'avoir|facture rectifiée|rectifi\\p{L}*|ne paierons (?:pas|que)|ne réglerons pas|tarif|devis|le prix'),
  rule('question', 2, "(?:^|[.!?\\n]\\s*)(?:bonjour,? )?(?:pourquoi|comment|quel|quelle|quels|à quoi|y a-t-il|est-ce|la facture est-elle|pouvez-vous me préciser|combien)[^.!\\n]*\\?"),
  rule('copy_request', 3, '(?:renvoyer|envoyer|transmettre|faire parvenir|adresser|renvoyez)(?: \\S+){0,5} (?:facture|duplicata|relevé|copie|pdf|factures)|me l\'envoyer'),
  rule('copy_request', 3, 'duplicata|relevé de compte|copie de la facture'),
  rule('copy_request', 2, 'jamais reçu cette facture|ne la trouvons pas|illisible|lien ne fonctionne pas|à nouveau la facture|les factures de'),
  rule('wrong_contact', 3, "ne travaille plus|ne fait plus partie|plus utilisée|pas la bonne personne|mauvaise adresse|erreur d'adresse|ne connais pas cette entreprise|adressez-vous|veuillez contacter|merci d'écrire à|envoyer vos factures à|gérée par|pas de la comptabilité"),
  rule('out_of_office', 4, "absente?|en congés?|de retour|en déplacement|arrêt maladie|ne sera pas transféré|réponse automatique"),
  rule('plan_request', 3, "échéancier|plusieurs fois|mensualités|étaler|délai (?:de paiement|supplémentaire)|report d'échéance|en deux fois|en trois fois|par mois"),
  rule('stop', 4, "ne plus (?:m'envoyer|recevoir)|désinscri\\p{L}*|désabonn\\p{L}*|retirer de votre liste|liste de diffusion|arrêtez|cesser tout envoi|ne m'écrivez plus|^\\s*stop"),
  rule('other', 1.5, 'bien reçu|bien noté|je transmets|je reviens vers vous|je vérifie|reviens vers vous'),
];
