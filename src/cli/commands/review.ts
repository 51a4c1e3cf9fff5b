import type { Command } from 'commander';
import { asCurrency, type CurrencyCode } from '../../core/currency.ts';
import { invalid } from '../../core/errors.ts';
import { formatGrouped, parseDecimal } from '../../core/money.ts';
import { approveTouches, editTouch, rejectTouches, type ReviewFilter } from '../../engine/review-touches.ts';
import { reminderContent } from '../../dispatch/reminder-content.ts';
import { loadTemplates, renderReminder } from '../../templates/index.ts';
import type { CommandContext } from '../context.ts';
import { renderTable, toJson } from '../table.ts';

type FilterFlags = { step?: string; account?: string; tone?: string; maxAmount?: string; currency?: string; all?: boolean };

function filterFrom(ids: string[], f: FilterFlags): ReviewFilter {
  const numeric = ids.map(Number);
  if (numeric.some((n) => !Number.isInteger(n) || n < 1)) invalid('touch ids are whole numbers (see `dunwise review list`)');
  if (ids.length === 0 && !f.all && !f.step && !f.account && !f.tone && !f.maxAmount) invalid('name touch ids, or a filter (--step, --account, --tone, --max-amount), or --all');
  let maxOpenMinor: bigint | undefined;
  if (f.maxAmount) {
    const cur = asCurrency(f.currency ?? '');
    if (!cur) invalid('--max-amount needs --currency');
    const parsed = parseDecimal(f.maxAmount, cur);
    if (parsed.kind === 'error') invalid(`--max-amount: ${parsed.reason}`);
    maxOpenMinor = parsed.minor;
  }
  return { ...(ids.length ? { ids: numeric } : {}), ...(f.step ? { step: f.step } : {}), ...(f.account ? { account: f.account } : {}), ...(f.tone ? { tone: f.tone } : {}), ...(maxOpenMinor !== undefined ? { maxOpenMinor } : {}) };
}

const withFilters = (c: Command): Command =>
  c.option('--all', 'every touch in the queue').option('--step <id>', 'only this step').option('--account <ref>', 'only this customer').option('--tone <tone>', 'only this tone')
    .option('--max-amount <amount>', 'only touches whose open amount is at most this (needs --currency)').option('--currency <code>', 'currency of --max-amount');

/** `dunwise review list|show|approve|reject|edit`: the approval queue. */
export function register(program: Command, ctx: CommandContext): void {
  const review = program.command('review').description('the approval queue: nothing is sent before a person approves it (review mode, the default)');
  review.command('list').description('touches waiting for approval').option('--json', 'print JSON').action(async (o: { json?: boolean }, c: Command) => {
    await ctx.withApp(c, async (app) => {
      const items = await app.review.list({}, ['pending_review']);
      if (o.json) return ctx.io.out(toJson(items));
      if (items.length === 0) return ctx.io.out('The review queue is empty.');
      ctx.io.out(renderTable(['Id', 'Planned', 'Account', 'Step', 'Tone', 'Channels', 'Invoices', 'Open'], items.map((i) => [String(i.id), i.plannedOn, `${i.accountRef} ${i.accountName}`.slice(0, 34), i.stepId, i.tone, i.channels.join('+'), `${i.invoices.slice(0, 3).join(', ')}${i.invoices.length > 3 ? ` +${i.invoices.length - 3}` : ''}`, `${i.currency} ${formatGrouped(i.openMinor, asCurrency(i.currency) as CurrencyCode)}`]), new Set([0, 7])));
      ctx.io.out(`\n${items.length} waiting. Approve with \`dunwise review approve <id...>\` or in bulk (--all, --step, --account, --tone, --max-amount).`);
    });
  });
  review.command('show <id>').description('the message as it would be sent now').action(async (id: string, _o: unknown, c: Command) => {
    await ctx.withApp(c, async (app) => {
      const today = app.clock.today(app.config.timeZone);
      const touch = await app.dispatch.snapshot(Number(id));
      const c2 = app.config.creditor;
      const content = reminderContent(touch, { name: c2.name, addressLines: c2.addressLines, email: c2.email, phone: c2.phone, bank: c2.iban ? { iban: c2.iban, bic: c2.bic ?? '' } : null, paymentLink: c2.paymentLink, portalLink: c2.portalLink }, today);
      const mail = renderReminder(await loadTemplates(app.config.templatesDir), content, 'email');
      ctx.io.out(`To: ${touch.contact?.email ?? '(no email address)'}\nSubject: ${touch.override.subject ?? mail.subject}\nChannels: ${touch.channels.join(', ')}\n\n${touch.override.text ?? mail.text}`);
    });
  });
  withFilters(review.command('approve [ids...]').description('approve touches by id, or in bulk by filter')).action(async (ids: string[], f: FilterFlags, c: Command) => {
    const filter = filterFrom(ids, f);
    await ctx.withApp(c, async (app) => ctx.io.out(`Approved ${await approveTouches(app.review, filter, 'cli')} touch(es); \`dunwise dispatch\` sends them.`));
  });
  withFilters(review.command('reject [ids...]').description('reject touches: never sent, the reason stays visible')).requiredOption('--reason <text>', 'why').action(async (ids: string[], f: FilterFlags & { reason: string }, c: Command) => {
    const filter = filterFrom(ids, f);
    await ctx.withApp(c, async (app) => ctx.io.out(`Rejected ${await rejectTouches(app.review, filter, f.reason, 'cli')} touch(es).`));
  });
  review.command('edit <id>').description('replace the email subject and/or text of a queued touch').option('--subject <text>').option('--text <text>').action(async (id: string, o: { subject?: string; text?: string }, c: Command) => {
    if (!o.subject && !o.text) invalid('give --subject and/or --text');
    await ctx.withApp(c, async (app) => {
      await editTouch(app.review, Number(id), o.subject ?? null, o.text ?? null, 'cli');
      ctx.io.out(`Touch ${id} edited.`);
    });
  });
}
