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
});

/** The one validated, frozen configuration, read once at start from the environment. */
export type Config = Readonly<z.infer<typeof schema>>;

/**
 * Reads the configuration: DUNWISE_DATA_DIR (embedded store folder, default ./dunwise-data),
 * DATABASE_URL (a PostgreSQL server instead), DUNWISE_TIME_ZONE (the creditor's zone, which
 * decides "today"; default the machine's), DUNWISE_COUNTRY and DUNWISE_LOCALE (defaults for
 * new accounts; US and en), DUNWISE_POLICY (the dunning policy: a preset name, default b2b-net30, or a
 * policy file: YAML/JSON, or plain language in a .txt file).
 */
export function loadConfig(env: NodeJS.ProcessEnv, overrides: { dataDir?: string } = {}): Config {
  const parsed = schema.safeParse({
    dataDir: overrides.dataDir ?? env['DUNWISE_DATA_DIR'] ?? './dunwise-data',
    databaseUrl: env['DATABASE_URL'] || null,
    timeZone: env['DUNWISE_TIME_ZONE'] ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
    country: (env['DUNWISE_COUNTRY'] ?? 'US').toUpperCase(),
    locale: env['DUNWISE_LOCALE'] ?? 'en',
    policy: env['DUNWISE_POLICY'] ?? 'b2b-net30',
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
