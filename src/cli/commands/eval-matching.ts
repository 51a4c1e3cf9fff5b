import type { Command } from 'commander';
import { invalid } from '../../core/errors.ts';
import { evaluateMatching, formatMatchingEvaluation } from '../../matching-eval/evaluate.ts';
import { generateMatchingDataset } from '../../matching-eval/generate.ts';
import type { CommandContext } from '../context.ts';

/** `dunwise eval matching`: payment matching on a seeded, labelled dataset; writes nothing. */
export function register(program: Command, ctx: CommandContext): void {
  const evalCommand = program.command('eval').description('measure Dunwise on labelled data');
  evalCommand
    .command('matching')
    .description('match generated bank lines with known answers and report the precision of automatic applications and the automatic rates')
    .option('--lines <n>', 'how many bank lines', '5000')
    .option('--seed <n>', 'the dataset seed (the same seed gives the same data)', '20240601')
    .action((opts: { lines: string; seed: string }) => {
      const lines = Number(opts.lines);
      const seed = Number(opts.seed);
      if (!Number.isInteger(lines) || lines < 1 || lines > 1_000_000) invalid('--lines must be a whole number from 1 to 1,000,000');
      if (!Number.isSafeInteger(seed)) invalid('--seed must be a whole number');
      ctx.io.out(formatMatchingEvaluation(evaluateMatching(generateMatchingDataset({ seed, lines }))));
    });
}
