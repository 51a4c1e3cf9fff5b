import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { invalid } from '../../core/errors.ts';
import { evaluateReplies, formatEvaluation } from '../../inbound/evaluate.ts';
import { isHeldOut, parseLabels, type LabelledReply } from '../../inbound/labels.ts';
import type { CommandContext } from '../context.ts';

/** `dunwise eval replies <labels.jsonl>`: per-intent precision, recall and F1; the last line is `macro-F1: 0.xx`. */
export function register(program: Command, ctx: CommandContext): void {
  // `eval` is shared with `eval matching`: join it when it is already there.
  const evaluate = program.commands.find((c) => c.name() === 'eval') ?? program.command('eval').description('measure Dunwise on labelled data');
  evaluate
    .command('replies <labels>')
    .description('score the reply intent classifier on JSON lines of {"id","lang","receivedAt","subject","body","intent","promiseDate"?}')
    .option('--held-out', 'only the held-out replies (ids ending in 7, 8 or 9), never used for tuning')
    .option('--misses', 'list the wrong predictions before the scores')
    .action(async (file: string, o: { heldOut?: boolean; misses?: boolean }) => {
      let labels: LabelledReply[];
      try {
        labels = parseLabels(await readFile(file, 'utf8'));
      } catch (error) {
        invalid(`${file}: ${error instanceof Error ? error.message : String(error)}`);
      }
      const chosen = o.heldOut ? labels.filter((l) => isHeldOut(l.id)) : labels;
      if (chosen.length === 0) invalid(`${file}: no labelled replies${o.heldOut ? ' held out' : ''}`);
      const evaluation = evaluateReplies(chosen);
      if (o.misses) for (const m of evaluation.misses) ctx.io.out(`miss ${m.id}: expected ${m.expected}, got ${m.predicted} (${m.confidence.toFixed(2)})`);
      ctx.io.out(`${chosen.length} replies${o.heldOut ? ' (held out)' : ''} from ${file}`);
      ctx.io.out(formatEvaluation(evaluation));
    });
}
