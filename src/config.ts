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
 * (a Twilio-compatible API), DUNWISE_PAUSE_ALL=1 (the global pause).
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
  });
  if (!parsed.success) {
    const messages = parsed.error.issues.map((i) => i.message);
    throw new DunwiseError(ErrorCode.invalidInput, `Configuration error: ${messages.join('; ')}`);
  }
  return Object.freeze(parsed.data);
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
