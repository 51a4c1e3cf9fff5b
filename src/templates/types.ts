// What a reminder says, independent of how it travels: the engine fills a ReminderContent,
// templates turn it into words, channels deliver the words.
import type { CurrencyCode } from '../core/currency.ts';
import type { LocalDate } from '../core/local-date.ts';
import type { Channel, Tone } from '../core/policy/types.ts';

/** One invoice as a reminder shows it: amounts in minor units of the invoice's currency. */
export type ReminderInvoice = {
  readonly number: string;
  readonly issueDate: LocalDate;
  /** The due date the invoice was issued with. */
  readonly originalDueDate: LocalDate;
  /** The due date now in force (differs after an extension or a broken promise). */
  readonly dueDate: LocalDate;
  readonly daysOverdue: number;
  readonly totalMinor: bigint;
  readonly openMinor: bigint;
  readonly currency: CurrencyCode;
};

/** A reminder sent earlier in this case, quoted so the customer sees the history. */
export type PriorReminder = {
  readonly date: LocalDate;
  readonly stepId: string;
  readonly channel: Channel;
};

/** Statutory (or contractual) interest and fixed compensation claimed at formal and final steps. */
export type ReminderInterest = {
  /** The law or clause named in the message, e.g. "§ 288 BGB". */
  readonly lawLabel: string;
  readonly interestMinor: bigint;
  readonly fixedCompensationMinor: bigint;
  /** The annual rate charged, as a decimal string ("12.12"). */
  readonly ratePercent: string;
  /** The last day the interest was computed for. */
  readonly until: LocalDate;
};

/**
 * A failed card payment, for the card-update emails (templates/<lang>/card-update.email.liquid):
 * whether the card can be retried, when, and the last day before the service is suspended.
 */
export type CardNotice = {
  /** The decline was hard: the card will not be retried, only a new card helps. */
  readonly hard: boolean;
  /** The retries have run out (the card-final email). */
  readonly final: boolean;
  /** The next retry, while retrying. */
  readonly retryOn: LocalDate | null;
  /** The day the service is suspended unless the card is updated, once retrying has ended. */
  readonly suspendOn: LocalDate | null;
  /** Where the customer updates the card (signed, expiring), or null. */
  readonly updateLink: string | null;
};

/** Everything a template may say about one reminder: one account, one currency, one step. */
export type ReminderContent = {
  /** BCP 47 tag of the contact's language ("de", "en-GB"); templates fall back to English. */
  readonly language: string;
  readonly tone: Tone;
  readonly stepId: string;
  readonly creditor: {
    readonly name: string;
    readonly addressLines: readonly string[];
    readonly email: string;
    readonly phone: string;
    readonly bank: { readonly iban: string; readonly bic: string } | null;
  };
  readonly account: {
    readonly name: string;
    /** The creditor's customer reference for the account. */
    readonly ref: string;
    readonly addressLines: readonly string[] | null;
  };
  readonly contact: { readonly name: string | null; readonly email: string | null };
  /** One or more invoices, all in `currency`; several make a consolidated message. */
  readonly invoices: readonly ReminderInvoice[];
  readonly currency: CurrencyCode;
  readonly totalOpenMinor: bigint;
  /** Oldest first. */
  readonly priorReminders: readonly PriorReminder[];
  readonly paymentLink: string | null;
  readonly portalLink: string | null;
  /** The day payment is demanded by (formal and final steps). */
  readonly deadline: LocalDate | null;
  readonly interest: ReminderInterest | null;
  /** The creditor's today: the date printed on the message. */
  readonly today: LocalDate;
  /** Set for card-update emails only; they use the card-update template instead of the tone's. */
  readonly card: CardNotice | null;
};

/** The channels templates exist for; WhatsApp falls back to the SMS template. */
export type TemplateChannel = 'email' | 'letter' | 'sms' | 'whatsapp';
export const templateChannels: readonly TemplateChannel[] = ['email', 'letter', 'sms', 'whatsapp'];

/** A rendered email: a one-line subject, a plain-text part and an HTML part. */
export type RenderedEmail = {
  readonly channel: 'email';
  readonly language: string;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
};

/** A rendered letter: the PDF prints `body` above the invoice table and `closing` below it. */
export type RenderedLetter = {
  readonly channel: 'letter';
  readonly language: string;
  readonly subject: string;
  readonly body: string;
  readonly closing: string;
};

/** A rendered short message (SMS or WhatsApp). */
export type RenderedShortMessage = {
  readonly channel: 'sms' | 'whatsapp';
  readonly language: string;
  readonly text: string;
};

/** The rendered form of each template channel. */
export type RenderedFor<C extends TemplateChannel> = C extends 'email'
  ? RenderedEmail
  : C extends 'letter'
    ? RenderedLetter
    : RenderedShortMessage;

/** The sections a template file of a channel must define. */
export const sectionsOf: Readonly<Record<TemplateChannel, readonly string[]>> = {
  email: ['subject', 'text', 'html'],
  letter: ['subject', 'body', 'closing'],
  sms: ['text'],
  whatsapp: ['text'],
};
