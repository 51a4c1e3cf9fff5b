// English phrase patterns per intent.
import { rule } from './phrase-rule.ts';
import type { PhraseRule } from './phrase-rule.ts';

const pay = '(?:pay|clear the balance|settle|transfer|clear|wire|remit|send (?:the )?(?:payment|money|funds)|make (?:the )?payment|process (?:the )?payment|release (?:the )?payment|get (?:this|it) (?:paid|sorted))';

/** English evidence for each intent. */
export const englishRules: readonly PhraseRule[] = [
  rule('paid', 3, '(?:already|have|has|had|was|were|been|we|i) (?:already )?(?:been )?(?:paid|settled|cleared|sent the money|transferred)', true),
  rule('paid', 3, '(?:payment|transfer|it|this|money) (?:was|has been|went|has gone|is) (?:already )?(?:made|sent|out|processed|paid|settled|cleared)', true),
  rule('paid', 2, '(?:paid|settled|cleared)(?: (?:on|by|in|via|yesterday|last|this morning|it|this|that|in full|a while ago))?', true),
  rule('paid', 2, 'remittance(?: advice)?|proof of payment|bank confirmation|transaction id|confirmation number|cheque number'),
  rule('paid', 2, '(?:we|i) (?:sent|wired|transferred) (?:the )?(?:money|payment|funds|it)'),
  rule('paid', 2, 'crossed with (?:our|my) payment'),
  rule('promise', 3, `(?:will|we'll|i'll|they'll|shall|going to|gonna|can|could|plan to|intend to|aim to) (?:be able to )?${pay}`),
  rule('promise', 3, "(?:will|should|'ll|is going to|is scheduled to) (?:be |go )(?:paid|settled|out|made|sent|transferred|processed|included)"),
  rule('promise', 3, '(?:payment|it) (?:is )?(?:scheduled|planned|will go out|will be made)|payment run|pay run'),
  rule('promise', 2, "(?:not|haven't|have not|hasn't|has not) (?:been )?(?:paid|settled) (?:it )?yet|not yet paid|(?:will|i'll|we'll) (?:get this sorted|do it)"),
  rule('promise', 2, 'funds available|we can pay|promise'),
  rule('promise', 3, "(?:make sure|ensure) (?:it|this|that) (?:gets|is) paid|(?:it|this) gets paid"),
  rule('dispute', 3, "(?:never|didn't|did not|not) (?:ordered|order|requested|recieve[d]?|receive[d]? the goods|arrive[d]?)|never arrived|half the order|missing items"),
  // A duplicate outweighs "we already paid" (which refers to the other invoice).
  rule('dispute', 5, 'duplicate|billed (?:us )?twice|charged twice|double[- ]billed'),
  rule('dispute', 3, "(?:please )?correct (?:it|the invoice|this)|(?:didn'?t|did not|not|never) (?:yet )?rec(?:ie|ei)ve[d]? the (?:goods|items|order|delivery)|wo?n'?t pay unti?ll?"),
  rule('dispute', 3, "damaged|defective|broken|faulty|unacceptable|(?:poor )?quality|didn't work|did not work|doesn't work|don't power on"),
  rule('dispute', 3, '(?:we are |we\'re )?disput(?:e|ing)(?! nothing)|contest(?:ing)?|rejecting this invoice'),
  rule('dispute', 2, "(?:invoice|this|it|rate|price|amount) (?:is|was) (?:wrong|incorrect)|overcharged|higher than|we were quoted|quoted (?:amount|price)|discount we agreed|(?:doesn't|does not) reflect|only (?:have|received|worked)"),
  rule('dispute', 2, "(?:won't|will not|can't|cannot|not) (?:be )?pay(?:ing)? (?:full price|for (?:what|the missing|a service)|until|this invoice)|re-?issue|credit note|corrected invoice|(?:cancel|void) (?:the |this )?(?:invoice|one|it)"),
  rule('dispute', 2, '(?:cancel+ed|terminated) (?:the |our )?(?:subscription|order|contract|service)|arrived (?:\\w+ )*late|late delivery|(?:goods|it) (?:arrived|were) late'),
  rule('question', 2, "(?:^|[.!?\\n]\\s*)(?:what|why|which|how|when|who|where|do you|does this|is (?:it|there|this)|are (?:there|you)|can i|can you (?:tell|confirm|explain)|could you (?:explain|tell|confirm)|quick question)[^.!\\n]*\\?"),
  rule('question', 2, 'is it possible to pay (?:by|with|in)|do you accept|can i pay|tax id|vat number\\?'),
  rule('copy_request', 3, '(?:send|resend|re-send|email|forward|need)(?: me| us)?(?: again| over)? (?:[\\w-]+ ){0,5}?(?:copy|copies|invoices?|pdf|statement|duplicate)'),
  rule('copy_request', 3, '(?:copy|copies) of (?:the |all |invoice)|statement of (?:account|all)|updated statement'),
  rule('copy_request', 2, "resend|send (?:\\w+ ){0,3}again|never (?:got|received) the (?:original )?invoice|can't find (?:this|the) invoice|didn't come through|lost it|with (?:our|the correct) [\\w ]{0,20}(?:on it|name)|invoice addressed to"),
  rule('wrong_contact', 3, "no longer (?:work|with)|left the company|has left|not the right (?:person|contact)|wrong (?:person|email|address|contact)|not responsible|i'm (?:just|only) the|i'm in (?:sales|operations)|no longer (?:monitored|in use)|update your records|no one called|nobody (?:called|named|here)"),
  rule('wrong_contact', 2, '(?:send|direct|address)(?: all)? (?:invoices|billing|them|invoice)(?: \\w+){0,2} to|(?:please )?(?:contact|reach out to|email|write to) [^\\n]{0,40}@|you want [^\\n]{0,20}@|invoices should go to'),
  rule('out_of_office', 4, "out of (?:the )?office|on (?:annual |parental |maternity |sick )?leave|away (?:until|on business|till)|i'm away|i am away|currently travelling|on (?:holiday|vacation)|back in the office|will be back|be back on|returning (?:on|to)|return(?:ing)? to the office|(?:limited|no) access to email|won't be forwarded|upon my return|on my return"),
  rule('plan_request', 3, "instal+ments?|payment (?:plan|arrangement|schedule)|split (?:it|the|this)|monthly payments|per month|a month over|extension|(?:half|a third) now|spread (?:it|the)|in (?:two|three|four|\\d) (?:parts|payments)|over (?:the next )?(?:two|three|four|six|\\d+) months"),
  rule('plan_request', 2, 'more time|defer|postpone|work out a|arrangement'),
  rule('stop', 4, "stop (?:sending|emailing|contacting|these|reminders)|unsubscribe|remove (?:me|this address|my)|take me off|do not contact|don't contact|don't email|mailing list|opt out|report(?:ed)? as spam"),
  rule('stop', 3, '^\\s*stop\\b'),
  rule('other', 1.5, "noted|thanks for the (?:reminder|info|great)|thank you for the reminder|received,? thank|forwarded (?:this|it) to|pass(?:ed)? it on|i'll look into it|happy holidays|just fyi|just to let you know|see attached|^\\s*(?:ok|okay|got it)\\b|hope you had|is this a scam|who is this"),
];
