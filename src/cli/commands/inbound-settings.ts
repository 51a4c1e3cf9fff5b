// Settings of the reply endpoint, read from the environment when an inbound command starts.
// They live here rather than in config.ts while only the inbound commands need them.
import { z } from 'zod';
import { invalid } from '../../core/errors.ts';

const schema = z.object({
  host: z.string().min(1),
  port: z.coerce.number().int().min(0).max(65535),
  domains: z.array(z.string().regex(/^[a-z0-9.-]+\.[a-z]{2,}$/, 'DUNWISE_REPLY_DOMAIN must be domain names such as reply.example.com')),
  maxBytes: z.coerce.number().int().min(1024),
});

/** Where the SMTP endpoint listens, which recipient domains it accepts, the size limit. */
export type InboundSettings = Readonly<z.infer<typeof schema>>;

/**
 * DUNWISE_INBOUND_HOST (default 127.0.0.1), DUNWISE_INBOUND_PORT (2525), DUNWISE_REPLY_DOMAIN
 * (comma-separated: the domains of the per-case reply addresses), DUNWISE_INBOUND_MAX_BYTES
 * (10 MiB). Flags win over the environment.
 */
export function inboundSettings(env: NodeJS.ProcessEnv, flags: { host?: string; port?: string; domain?: string; maxBytes?: string }): InboundSettings {
  const domains = (flags.domain ?? env['DUNWISE_REPLY_DOMAIN'] ?? '').split(',').map((d) => d.trim().toLowerCase()).filter((d) => d !== '');
  const parsed = schema.safeParse({
    host: flags.host ?? env['DUNWISE_INBOUND_HOST'] ?? '127.0.0.1',
    port: flags.port ?? env['DUNWISE_INBOUND_PORT'] ?? '2525',
    domains,
    maxBytes: flags.maxBytes ?? env['DUNWISE_INBOUND_MAX_BYTES'] ?? String(10 * 1024 * 1024),
  });
  if (!parsed.success) invalid(`Inbound settings: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  if (parsed.data.domains.length === 0) invalid('Set the reply domain the endpoint accepts mail for: --domain reply.example.com or DUNWISE_REPLY_DOMAIN.');
  return Object.freeze(parsed.data);
}
