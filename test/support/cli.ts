// Runs the `dunwise` command line in-process with captured output and a fixed clock.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixedClock } from '../../src/core/clock.ts';
import { main } from '../../src/cli/main.ts';

export type CliResult = { code: number; out: string; err: string };

/** A fresh data folder for a CLI test. */
export function tempDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'dunwise-cli-'));
}

export async function cli(args: readonly string[], options: { dataDir: string; now?: string; env?: Record<string, string> }): Promise<CliResult> {
  let out = '';
  let err = '';
  const code = await main(args, {
    out: (t) => (out += t + '\n'),
    err: (t) => (err += t + '\n'),
    env: { DUNWISE_DATA_DIR: options.dataDir, DUNWISE_TIME_ZONE: 'Europe/Berlin', ...options.env },
    clock: fixedClock(new Date(options.now ?? '2026-03-15T09:00:00Z')),
    isTty: false,
  });
  return { code, out, err };
}
