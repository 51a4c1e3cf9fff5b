import type { Command } from 'commander';
import { asOfClock, type Clock } from '../core/clock.ts';
import { invalid } from '../core/errors.ts';
import { parseLocalDate } from '../core/local-date.ts';
import { loadConfig } from '../config.ts';
import { openApp, type App } from '../compose.ts';

/** What commands write to and read from; tests pass their own. */
export type Io = {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly env: NodeJS.ProcessEnv;
  readonly clock: Clock;
  readonly isTty: boolean;
};

/** Shared plumbing for command modules: opening the app with the global options. */
export type CommandContext = {
  readonly io: Io;
  /** Runs `fn` with the app open (store migrated), closing it afterwards. */
  withApp<T>(command: Command, fn: (app: App) => Promise<T>): Promise<T>;
  /** Sets the command's exit code (1 when input was rejected). */
  setExitCode(code: number): void;
};

/** The clock a command runs on: the real one, or a replayed day from --as-of. */
export function clockFor(io: Io, asOf: string | undefined): Clock {
  if (asOf === undefined) return io.clock;
  const day = parseLocalDate(asOf);
  if (!day) invalid(`--as-of must be a date like 2026-03-31, not "${asOf}"`);
  return asOfClock(day);
}

export function makeContext(io: Io, setExitCode: (code: number) => void): CommandContext {
  return {
    io,
    setExitCode,
    async withApp(command, fn) {
      const globals = command.optsWithGlobals<{ dataDir?: string; asOf?: string }>();
      const config = loadConfig(io.env, globals.dataDir ? { dataDir: globals.dataDir } : {});
      const app = await openApp(config, clockFor(io, globals.asOf));
      try {
        return await fn(app);
      } finally {
        await app.close();
      }
    },
  };
}
