import { bodyVocabulary } from './body-rules.ts';

/** Known phrases, offered as the closest match when a sentence does not compile. */
export const examplePhrases: readonly string[] = [
  '3 days before due: friendly email',
  '3 business days before the due date: friendly email',
  'On the due date: email with payment link',
  '7 days after due: firm email',
  'One week after due: firm email',
  '14 days overdue: firm email and call task',
  'Two weeks overdue: send an SMS',
  '30 days overdue: formal notice by email and letter',
  '45 days overdue: final notice by letter, then hand over to the owner',
  'On day 30: WhatsApp message',
  '10 days overdue: portal only',
  '20 days overdue: firm email automatically',
  '20 days overdue: firm email for strategic accounts',
  '20 days overdue: firm email if the open amount is over EUR 500',
  '20 days overdue: firm email if no reply since the last step',
  'At most one touch every 7 days',
  'Send between 9:00 and 16:00 on Tuesday to Thursday',
  'Consolidate per customer',
  'Do not consolidate',
  'At most 6 touches per invoice',
  "Use public holidays of the contact's country",
  'Policy "my-policy" called "My policy"',
];

/** Every word the grammar knows, for correcting typos word by word. */
export const plainVocabulary: readonly string[] = [
  ...new Set([
    ...bodyVocabulary,
    ...examplePhrases.flatMap((p) => p.toLowerCase().split(/[^a-z']+/)).filter((w) => w.length > 0),
    'days', 'weeks', 'business', 'working', 'before', 'after', 'overdue', 'due', 'date', 'day',
    'touch', 'touches', 'consolidate', 'holidays', 'monday', 'tuesday', 'wednesday', 'thursday',
    'friday', 'saturday', 'sunday', 'weekdays', 'limit',
  ]),
];
