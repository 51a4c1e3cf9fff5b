// The process entry of `dunwise`: real stdout/stderr, environment and clock.
import { systemClock } from '../system-clock.ts';
import { main } from './main.ts';

// A reader that stops early (`dunwise preview | head`) is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

process.exitCode = await main(process.argv.slice(2), {
  out: (text) => process.stdout.write(text + '\n'),
  err: (text) => process.stderr.write(text + '\n'),
  env: process.env,
  clock: systemClock,
  isTty: Boolean(process.stderr.isTTY),
});
