import { Command, CommanderError } from 'commander';
import { DunwiseError, ErrorCode } from '../core/errors.ts';
import { makeContext, type Io } from './context.ts';
import * as accountsShow from './commands/accounts-show.ts';
import * as cashImport from './commands/cash-import.ts';
import * as cashParse from './commands/cash-parse.ts';
import * as cashQueue from './commands/cash-queue.ts';
import * as cashResolve from './commands/cash-resolve.ts';
import * as cashStripe from './commands/cash-stripe.ts';
import * as cashStripeListen from './commands/cash-stripe-listen.ts';
import * as cashStripeAdmin from './commands/cash-stripe-admin.ts';
import * as cardsCommand from './commands/cards.ts';
import * as evalMatching from './commands/eval-matching.ts';
import * as demo from './commands/demo.ts';
import * as importCsv from './commands/import-csv.ts';
import * as importEinvoice from './commands/import-einvoice.ts';
import * as ledgerShow from './commands/ledger-show.ts';
import * as explainCommand from './commands/explain.ts';
import * as preview from './commands/preview.ts';
import * as policyCommand from './commands/policy.ts';
import * as casesCommand from './commands/cases.ts';
import * as disputesCommand from './commands/disputes.ts';
import * as segmentsCommand from './commands/segments.ts';
import * as reviewCommand from './commands/review.ts';
import * as dispatchCommand from './commands/dispatch.ts';
import * as interestCommand from './commands/interest.ts';
import * as templatePreview from './commands/template-preview.ts';
import * as runDunning from './commands/run-dunning.ts';
import * as inboundReceive from './commands/inbound-receive.ts';
import * as inboxClassify from './commands/inbox-classify.ts';
import * as inboxQueue from './commands/inbox-queue.ts';
import * as evalReplies from './commands/eval-replies.ts';

/** Exit codes: 0 done, 1 input rejected (nothing imported), 2 bad usage or input, 3 store refused, 70 internal. */
export const ExitCode = { ok: 0, rejected: 1, usage: 2, store: 3, internal: 70 } as const;

const commands = [ledgerShow, accountsShow, demo, runDunning, preview, explainCommand, policyCommand, casesCommand, disputesCommand, segmentsCommand, reviewCommand, dispatchCommand, interestCommand, templatePreview];

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
  for (const c of commands) c.register(program, ctx);
  const importCommand = program.command('import').description('import invoices, payments and e-invoices into the ledger');
  importCsv.register(importCommand, ctx);
  importEinvoice.register(importCommand, ctx);
  inboundReceive.register(program, ctx);
  const inbox = program.command('inbox').description('replies received: classify files, list, show, reclassify');
  inboxClassify.register(inbox, ctx);
  inboxQueue.register(inbox, ctx);
  const cashCommand = program.command('cash').description('bank statements and Stripe events: parse, import and apply to invoices, review the queue');
  for (const c of [cashParse, cashImport, cashQueue, cashResolve, cashStripe, cashStripeListen, cashStripeAdmin]) c.register(cashCommand, ctx);
  cardsCommand.register(program, ctx);
  evalMatching.register(program, ctx);
  evalReplies.register(program, ctx);
  try {
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
