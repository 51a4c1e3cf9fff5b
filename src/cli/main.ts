import { Command, CommanderError } from 'commander';
import { DunwiseError, ErrorCode } from '../core/errors.ts';
import { makeContext, type CommandContext, type Io } from './context.ts';

/** Exit codes: 0 done, 1 input rejected (nothing imported), 2 bad usage or input, 3 store refused, 70 internal. */
export const ExitCode = { ok: 0, rejected: 1, usage: 2, store: 3, internal: 70 } as const;

type CommandModule = { register(parent: Command, ctx: CommandContext): void };

// Command modules are loaded when the command line is read. `dunwise import ...` loads only the
// import commands: the others bring date-holidays, PDF, mail and XML libraries, about 45 MB of
// an import's peak memory (which its benchmark bounds). Anything else, help included, loads all.
const loadCommands = (): Promise<CommandModule[]> => Promise.all([
  import('./commands/ledger-show.ts'), import('./commands/accounts-show.ts'), import('./commands/demo.ts'), import('./commands/run-dunning.ts'),
  import('./commands/preview.ts'), import('./commands/explain.ts'), import('./commands/policy.ts'), import('./commands/cases.ts'),
  import('./commands/disputes.ts'), import('./commands/segments.ts'), import('./commands/review.ts'), import('./commands/dispatch.ts'),
  import('./commands/interest.ts'), import('./commands/template-preview.ts'),
]);
const loadImport = (): Promise<CommandModule[]> => Promise.all([import('./commands/import-csv.ts'), import('./commands/import-einvoice.ts')]);
const loadInbox = (): Promise<CommandModule[]> => Promise.all([import('./commands/inbox-classify.ts'), import('./commands/inbox-queue.ts')]);
const loadCash = (): Promise<CommandModule[]> => Promise.all([
  import('./commands/cash-parse.ts'), import('./commands/cash-import.ts'), import('./commands/cash-queue.ts'), import('./commands/cash-resolve.ts'),
  import('./commands/cash-stripe.ts'), import('./commands/cash-stripe-listen.ts'), import('./commands/cash-stripe-admin.ts'),
]);
const loadLast = (): Promise<CommandModule[]> => Promise.all([import('./commands/cards.ts'), import('./commands/eval-matching.ts'), import('./commands/eval-replies.ts')]);

/** The first word of the command line after the global options, or null when another option comes first. */
function commandWord(argv: readonly string[]): string | null {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--data-dir' || arg === '--as-of') i += 1;
    else if (arg.startsWith('--data-dir=') || arg.startsWith('--as-of=')) continue;
    else return arg.startsWith('-') ? null : arg;
  }
  return null;
}

/** Runs the `dunwise` command line and returns its exit code; never throws. */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  let exitCode: number = ExitCode.ok;
  const program = new Command('dunwise')
    .description('Dunwise: dunning and collections. Import invoices, see the ledger, run respectful reminders.')
    .option('--data-dir <dir>', 'folder of the embedded store (env DUNWISE_DATA_DIR; default ./dunwise-data)')
    .option('--as-of <date>', 'replay a day: "today" is this date (YYYY-MM-DD)')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) });
  const ctx = makeContext(io, (code) => {
    exitCode = code;
  });
  try {
    const all = commandWord(argv) !== 'import';
    if (all) for (const c of await loadCommands()) c.register(program, ctx);
    const importCommand = program.command('import').description('import invoices, payments and e-invoices into the ledger');
    for (const c of await loadImport()) c.register(importCommand, ctx);
    if (all) {
      (await import('./commands/inbound-receive.ts')).register(program, ctx);
      const inbox = program.command('inbox').description('replies received: classify files, list, show, reclassify');
      for (const c of await loadInbox()) c.register(inbox, ctx);
      const cashCommand = program.command('cash').description('bank statements and Stripe events: parse, import and apply to invoices, review the queue');
      for (const c of await loadCash()) c.register(cashCommand, ctx);
      for (const c of await loadLast()) c.register(program, ctx);
    }
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    return reportError(error, io);
  }
}

function reportError(error: unknown, io: Io): number {
  if (error instanceof CommanderError) {
    return error.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
  }
  if (error instanceof DunwiseError) {
    io.err(`dunwise: ${error.message}`);
    switch (error.code) {
      case ErrorCode.invalidInput:
      case ErrorCode.notFound:
      case ErrorCode.unsupported:
        return ExitCode.usage;
      case ErrorCode.schemaTooNew:
      case ErrorCode.conflict:
        return ExitCode.store;
      case ErrorCode.internal:
        return ExitCode.internal;
    }
  }
  const code = (error as { code?: unknown }).code;
  if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === '28P01' || code === '3D000') {
    io.err(`dunwise: cannot reach the PostgreSQL server in DATABASE_URL (${String((error as Error).message)})`);
    return ExitCode.store;
  }
  io.err(`dunwise: internal error: ${error instanceof Error ? error.message : String(error)}`);
  if (io.env['DUNWISE_DEBUG'] && error instanceof Error && error.stack) io.err(error.stack);
  else io.err('(set DUNWISE_DEBUG=1 for the stack trace, and please report it)');
  return ExitCode.internal;
}
