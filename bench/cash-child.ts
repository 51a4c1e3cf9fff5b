// Runs `dunwise cash import <files...> --json` in this process, as a user would, and reports
// the wall time, the peak resident memory of the process and the summed line counts.
import { main } from '../src/cli/main.ts';
import type { StatementReport } from '../src/engine/cash-import-statement.ts';
import { systemClock } from '../src/system-clock.ts';

const files = process.argv.slice(2);
const out: string[] = [];
const rss: number[] = [];
// Sampled, so a run can show how memory grows (BENCH_MEM_TRACE=1 prints the samples).
const timer = setInterval(() => rss.push(Math.round(process.memoryUsage().rss / 1048576)), 1000);
const started = performance.now();
const code = await main(['cash', 'import', ...files, '--json'], {
  out: (t) => out.push(t),
  err: (t) => process.stderr.write(t + '\n'),
  env: process.env,
  clock: systemClock,
  isTty: false,
});
const seconds = (performance.now() - started) / 1000;
clearInterval(timer);
if (process.env['BENCH_MEM_TRACE']) process.stderr.write(`rss MB each second: ${rss.join(' ')}\n`);
const reports = code === 0 ? (JSON.parse(out.join('\n')) as StatementReport[]) : [];
const total = (k: 'lines' | 'applied' | 'queued' | 'unmatched' | 'ignored' | 'reversals' | 'already'): number => reports.reduce((s, r) => s + r[k], 0);
const counts = { lines: total('lines'), applied: total('applied'), queued: total('queued'), unmatched: total('unmatched'), ignored: total('ignored'), reversals: total('reversals'), already: total('already') };
process.stdout.write(JSON.stringify({ code, seconds, maxRssMb: process.resourceUsage().maxRSS / 1024, ...counts }) + '\n');
