import { execFileSync } from 'node:child_process';
import pg from 'pg';

/** A PostgreSQL server for benchmarks: BENCH_DATABASE_URL, or a throwaway one started here. */
export function startPostgres(): { url: string; stop(): void } | null {
  const given = process.env['BENCH_DATABASE_URL'];
  if (given) return { url: given, stop: () => undefined };
  try {
    const out = execFileSync('scripts/pg-test-server.sh', ['start', '54330'], { encoding: 'utf8' });
    const url = out.trim().split('\n').pop() as string;
    return { url, stop: () => execFileSync('scripts/pg-test-server.sh', ['stop', '54330']) };
  } catch (error) {
    process.stderr.write(`PostgreSQL benchmarks skipped: could not start a server (${(error as Error).message.split('\n')[0]})\n`);
    return null;
  }
}

/** A fresh, empty database on the server; returns its URL. */
export async function freshDatabase(adminUrl: string, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
