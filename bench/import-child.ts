// Runs `dunwise import invoices <file>` in this process, as a user would, and reports the
// wall time and the peak resident memory (of the whole process, worker thread included).
import { main } from '../src/cli/main.ts';
import { systemClock } from '../src/system-clock.ts';

const [file, ...rest] = process.argv.slice(2);
const samples: string[] = [];
const timer = process.env['BENCH_MEM_TRACE']
  ? setInterval(() => {
      const m = process.memoryUsage();
      samples.push(`rss ${mb(m.rss)} heap ${mb(m.heapUsed)}/${mb(m.heapTotal)} ext ${mb(m.external)} ab ${mb(m.arrayBuffers)}`);
    }, 1000)
  : null;
const started = performance.now();
const code = await main(['import', 'invoices', file as string, ...rest], {
  out: () => undefined,
  err: (t) => process.stderr.write(t + '\n'),
  env: process.env,
  clock: systemClock,
  isTty: false,
});
const seconds = (performance.now() - started) / 1000;
if (timer) clearInterval(timer);
for (const s of samples) process.stderr.write(s + '\n');
process.stdout.write(JSON.stringify({ code, seconds, maxRssMb: process.resourceUsage().maxRSS / 1024 }) + '\n');

function mb(n: number): number {
  return Math.round(n / 1048576);
}
