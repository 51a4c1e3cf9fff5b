import { z } from 'zod';
import { DunwiseError, ErrorCode } from './core/errors.ts';

const schema = z.object({
  dataDir: z.string().min(1),
  databaseUrl: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must be a postgres:// or postgresql:// URL')
    .nullable(),
  timeZone: z.string().refine(isTimeZone, 'DUNWISE_TIME_ZONE must be an IANA time zone such as Europe/Berlin'),
  country: z.string().regex(/^[A-Z]{2}$/, 'DUNWISE_COUNTRY must be an ISO 3166 alpha-2 code such as DE'),
  locale: z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/, 'DUNWISE_LOCALE must look like en or de-DE'),
  policy: z.string().min(1),
  pauseAll: z.boolean(),
  smtpUrl: z.string().regex(/^smtps?:\/\//, 'DUNWISE_SMTP_URL must look like smtp://user:pass@host:587').nullable(),
  mailFrom: z.string().email('DUNWISE_MAIL_FROM must be an email address').nullable(),
  replyMailbox: z.string().email('DUNWISE_REPLY_MAILBOX must be an email address (replies come to its +case-N addresses)').nullable(),
  replyDomain: z.string().regex(/^[a-z0-9.-]+\.[a-z]{2,}$/i, 'DUNWISE_REPLY_DOMAIN must be a domain').nullable(),
  letterDir: z.string().min(1),
  paper: z.enum(['A4', 'Letter']),
  templatesDir: z.string().nullable(),
  creditor: z.object({
    name: z.string(),
    addressLines: z.array(z.string()),
    email: z.string(),
    phone: z.string(),
    iban: z.string().nullable(),
    bic: z.string().nullable(),
    paymentLink: z.string().nullable(),
    portalLink: z.string().nullable(),
  }),
  sms: z.object({ url: z.string().url(), sid: z.string().min(1), token: z.string().min(1), from: z.string().min(1) }).nullable(),
  stripe: z.object({
    webhookSecret: z.string().regex(/^whsec_\S+$/, 'DUNWISE_STRIPE_WEBHOOK_SECRET must be a Stripe signing secret (whsec_...)').nullable(),
    toleranceSeconds: z.number({ error: 'DUNWISE_STRIPE_TOLERANCE must be whole seconds' }).int('DUNWISE_STRIPE_TOLERANCE must be whole seconds').min(1, 'DUNWISE_STRIPE_TOLERANCE must be at least 1 second'),
  }),
  cards: z.object({
    retryDays: z.array(z.number({ error: 'DUNWISE_CARD_RETRY_DAYS must be whole days such as 1,3,5,7' }).int().min(1, 'DUNWISE_CARD_RETRY_DAYS must be days after the failure, 1 or more')).refine((d) => d.every((x, i) => i === 0 || x > (d[i - 1] ?? 0)), 'DUNWISE_CARD_RETRY_DAYS must be ascending whole days such as 1,3,5,7'),
    graceDays: z.number({ error: 'DUNWISE_CARD_GRACE_DAYS must be whole days' }).int('DUNWISE_CARD_GRACE_DAYS must be whole days').min(0, 'DUNWISE_CARD_GRACE_DAYS must be 0 or more'),
    emails: z.enum(['review', 'auto']),
    updateLink: z.string().url('DUNWISE_CARD_UPDATE_LINK must be a URL (with {token}, {account} or {invoice} where they go)').nullable(),
    linkSecret: z.string().min(16, 'DUNWISE_PORTAL_SECRET must be at least 16 characters').nullable(),
  }).refine((c) => c.updateLink === null || !c.updateLink.includes('{token}') || c.linkSecret !== null, 'DUNWISE_CARD_UPDATE_LINK has {token}: set DUNWISE_PORTAL_SECRET to sign it'),
});

/** The one validated, frozen configuration, read once at start from the environment. */
export type Config = Readonly<z.infer<typeof schema>>;

/**
 * Reads the configuration: DUNWISE_DATA_DIR (embedded store folder, default ./dunwise-data),
 * DATABASE_URL (a PostgreSQL server instead), DUNWISE_TIME_ZONE (the creditor's zone, which
 * decides "today"; default the machine's), DUNWISE_COUNTRY and DUNWISE_LOCALE (defaults for
 * new accounts; US and en), DUNWISE_POLICY (the dunning policy: a preset name, default b2b-net30, or a
 * policy file: YAML/JSON, or plain language in a .txt file). Sending: DUNWISE_SMTP_URL, DUNWISE_MAIL_FROM,
 * DUNWISE_REPLY_MAILBOX or DUNWISE_REPLY_DOMAIN, DUNWISE_LETTER_DIR, DUNWISE_PAPER, DUNWISE_TEMPLATES_DIR,
 * DUNWISE_CREDITOR_* (name, address with | between lines, email, phone, iban, bic), DUNWISE_PAYMENT_LINK
 * and DUNWISE_PORTAL_LINK (URL templates with {account} and {invoice}), DUNWISE_SMS_URL/SID/TOKEN/FROM
 * (a Twilio-compatible API), DUNWISE_PAUSE_ALL=1 (the global pause). Stripe and cards:
 * DUNWISE_STRIPE_WEBHOOK_SECRET (whsec_..., checks Stripe-Signature), DUNWISE_STRIPE_TOLERANCE (seconds a
 * signature may be old, default 300), DUNWISE_CARD_RETRY_DAYS (default 1,3,5,7), DUNWISE_CARD_GRACE_DAYS
 * (default 7), DUNWISE_CARD_EMAILS (review or auto), DUNWISE_CARD_UPDATE_LINK (URL template with {token},
 * {account}, {invoice}) and DUNWISE_PORTAL_SECRET (signs the {token}).
 */
export function loadConfig(env: NodeJS.ProcessEnv, overrides: { dataDir?: string } = {}): Config {
  const parsed = schema.safeParse({
    dataDir: overrides.dataDir ?? env['DUNWISE_DATA_DIR'] ?? './dunwise-data',
    databaseUrl: env['DATABASE_URL'] || null,
    timeZone: env['DUNWISE_TIME_ZONE'] ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
    country: (env['DUNWISE_COUNTRY'] ?? 'US').toUpperCase(),
    locale: env['DUNWISE_LOCALE'] ?? 'en',
    policy: env['DUNWISE_POLICY'] ?? 'b2b-net30',
    pauseAll: ['1', 'true', 'yes'].includes((env['DUNWISE_PAUSE_ALL'] ?? '').toLowerCase()),
    smtpUrl: env['DUNWISE_SMTP_URL'] || null,
    mailFrom: env['DUNWISE_MAIL_FROM'] || env['DUNWISE_CREDITOR_EMAIL'] || null,
    replyMailbox: env['DUNWISE_REPLY_MAILBOX'] || null,
    replyDomain: env['DUNWISE_REPLY_DOMAIN'] || null,
    letterDir: env['DUNWISE_LETTER_DIR'] || `${overrides.dataDir ?? env['DUNWISE_DATA_DIR'] ?? './dunwise-data'}/letters`,
    paper: env['DUNWISE_PAPER'] === 'Letter' ? 'Letter' : 'A4',
    templatesDir: env['DUNWISE_TEMPLATES_DIR'] || null,
    creditor: {
      name: env['DUNWISE_CREDITOR_NAME'] ?? 'Your Company',
      addressLines: (env['DUNWISE_CREDITOR_ADDRESS'] ?? '').split('|').map((l) => l.trim()).filter(Boolean),
      email: env['DUNWISE_CREDITOR_EMAIL'] ?? env['DUNWISE_MAIL_FROM'] ?? 'accounts@example.com',
      phone: env['DUNWISE_CREDITOR_PHONE'] ?? '',
      iban: env['DUNWISE_CREDITOR_IBAN'] || null,
      bic: env['DUNWISE_CREDITOR_BIC'] || null,
      paymentLink: env['DUNWISE_PAYMENT_LINK'] || null,
      portalLink: env['DUNWISE_PORTAL_LINK'] || null,
    },
    sms: env['DUNWISE_SMS_URL'] ? { url: env['DUNWISE_SMS_URL'], sid: env['DUNWISE_SMS_SID'] ?? '', token: env['DUNWISE_SMS_TOKEN'] ?? '', from: env['DUNWISE_SMS_FROM'] ?? '' } : null,
    stripe: { webhookSecret: env['DUNWISE_STRIPE_WEBHOOK_SECRET'] || null, toleranceSeconds: wholeNumber(env['DUNWISE_STRIPE_TOLERANCE'], 300) },
    cards: {
      retryDays: (env['DUNWISE_CARD_RETRY_DAYS'] ?? '1,3,5,7').split(',').map((d) => d.trim()).filter(Boolean).map((d) => wholeNumber(d, Number.NaN)),
      graceDays: wholeNumber(env['DUNWISE_CARD_GRACE_DAYS'], 7),
      emails: env['DUNWISE_CARD_EMAILS'] === 'auto' ? 'auto' : 'review',
      updateLink: env['DUNWISE_CARD_UPDATE_LINK'] || null,
      linkSecret: env['DUNWISE_PORTAL_SECRET'] || null,
    },
  });
  if (!parsed.success) {
    const messages = parsed.error.issues.map((i) => i.message);
    throw new DunwiseError(ErrorCode.invalidInput, `Configuration error: ${messages.join('; ')}`);
  }
  return Object.freeze(parsed.data);
}

/** A whole number from the environment, or `fallback` when unset; anything else fails validation (NaN). */
function wholeNumber(text: string | undefined, fallback: number): number {
  if (text === undefined || text.trim() === '') return fallback;
  return /^\d+$/.test(text.trim()) ? Number(text.trim()) : Number.NaN;
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
