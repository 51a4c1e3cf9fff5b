import { writeBenchCsv } from './generate.ts';
await writeBenchCsv(process.argv[2] ?? '/tmp/bench.csv', Number(process.argv[3] ?? 1000000), Number(process.argv[4] ?? 100000));
