import type { Command } from 'commander';
import { Option } from 'commander';
import { DunwiseError, ErrorCode } from '../../core/errors.ts';
import { reminderContent } from '../../dispatch/reminder-content.ts';
import { loadTemplates, renderReminder, type TemplateChannel } from '../../templates/index.ts';
import type { CommandContext } from '../context.ts';

/** `dunwise template preview <step> --account ID`: a step's message for one customer, rendered now. */
export function register(program: Command, ctx: CommandContext): void {
  const template = program.command('template').description('message templates (built-in, or your own in DUNWISE_TEMPLATES_DIR)');
  template
    .command('preview <step>')
    .description('render the message of a policy step for a customer\u2019s open invoices: text and HTML')
    .requiredOption('--account <ref>', 'the customer')
    .addOption(new Option('--channel <channel>', 'which message').choices(['email', 'letter', 'sms', 'whatsapp']).default('email'))
    .option('--language <tag>', 'render in this language instead of the contact\u2019s')
    .action(async (step: string, o: { account: string; channel: TemplateChannel; language?: string }, cmd: Command) => {
      await ctx.withApp(cmd, async (app) => {
        const templates = await loadTemplates(app.config.templatesDir);
        const cases = await app.cadence.casesFor({ accountRef: o.account });
        const c = cases.find((x) => x.invoices.length > 0) ?? cases[0];
        if (!c) throw new DunwiseError(ErrorCode.notFound, `No account "${o.account}" with a collection case.`);
        const policy = app.planning.policyFor(c.account.segment);
        const s = policy.steps.find((x) => x.id === step);
        if (!s) throw new DunwiseError(ErrorCode.notFound, `Policy "${policy.id}" has no step "${step}"; its steps are ${policy.steps.map((x) => x.id).join(', ')}.`);
        const today = app.clock.today(app.config.timeZone);
        const contact = await app.handle.db.selectFrom('contacts').selectAll().where('account_id', '=', c.account.id).orderBy('id').executeTakeFirst();
        const content = reminderContent({
          touchId: 0, caseId: c.record.id, idempotencyKey: 'preview', stepId: s.id, tone: s.tone, channels: s.channels, plannedOn: today, caseState: c.record.state,
          account: c.account, contact: contact ? { name: contact.name, email: contact.email, phone: contact.phone, language: o.language ?? contact.language } : null,
          // An overdue step lists the invoices already overdue; a courtesy step before due lists all.
          invoices: c.invoices.filter((i) => s.offsetDays <= 0 || i.dueDate < today).map((i) => ({ id: i.id, number: i.number, issueDate: i.dueDate, dueDate: i.dueDate, totalMinor: i.openMinor, openMinor: i.openMinor, currency: c.record.currency, disputed: i.disputed })),
          priorReminders: [], delivered: [], override: { subject: null, text: null }, attempts: 0,
        }, { name: app.config.creditor.name, addressLines: app.config.creditor.addressLines, email: app.config.creditor.email, phone: app.config.creditor.phone, bank: app.config.creditor.iban ? { iban: app.config.creditor.iban, bic: app.config.creditor.bic ?? '' } : null, paymentLink: app.config.creditor.paymentLink, portalLink: app.config.creditor.portalLink }, today);
        const r = renderReminder(templates, content, o.channel);
        if (r.channel === 'email') ctx.io.out(`Subject: ${r.subject}\n\n--- text ---\n${r.text}\n--- html ---\n${r.html}`);
        else if (r.channel === 'letter') ctx.io.out(`${r.subject}\n\n${r.body}\n\n${r.closing}`);
        else ctx.io.out(r.text);
      });
    });
}
