// The script a collector reads before and during a call: who to ask for, what is owed, what
// was sent before, the one thing to ask, and how to log the answer. It is for the team, so it
// is in English; amounts and dates are printed the English way.
import type { Tone } from '../../core/policy/types.ts';
import { formatAmount, formatLocalDate } from '../../templates/format.ts';
import type { ReminderContent } from '../../templates/types.ts';

const asks: Readonly<Record<Tone, (total: string, deadline: string | null) => string>> = {
  soft: () =>
    'Check the invoice arrived and is approved, and ask for the date it is scheduled to be paid.',
  firm: (total, deadline) =>
    `Ask for a payment date for ${total}${deadline === null ? '' : `, no later than ${deadline}`}.`,
  formal: (total, deadline) =>
    `Ask for payment of ${total} by ${deadline ?? 'the end of this week'}, and confirm the date.`,
  final: (total, deadline) =>
    `Explain this is the last step before collection: ${total} must be paid by ${deadline ?? 'the end of this week'}. Ask them to commit to the date.`,
};

/** A call script for one reminder: plain text, one section per paragraph. */
export function callScript(content: ReminderContent): string {
  const money = (minor: bigint) => formatAmount(minor, content.currency, 'en');
  const date = (d: string) => formatLocalDate(d, 'en', 'medium');
  const interest = content.tone === 'formal' || content.tone === 'final' ? content.interest : null;
  const claim =
    content.totalOpenMinor +
    (interest === null ? 0n : interest.interestMinor + interest.fixedCompensationMinor);
  const oldest = content.invoices.reduce((max, i) => Math.max(max, i.daysOverdue), 0);
  const who = content.contact.name ?? 'accounts payable';
  const lines = [
    `Call ${content.account.name} (customer ${content.account.ref}); ask for ${who}${content.contact.email === null ? '' : ` <${content.contact.email}>`}.`,
    `Their language: ${content.language}. Step ${content.stepId} (${content.tone}).`,
    '',
    `Owed: ${money(content.totalOpenMinor)} on ${content.invoices.length} invoice${content.invoices.length === 1 ? '' : 's'}${oldest > 0 ? `, the oldest ${oldest} days overdue` : ''}.`,
    ...content.invoices.map(
      (i) =>
        `  - ${i.number}: ${money(i.openMinor)} open, due ${date(i.dueDate)}${i.originalDueDate === i.dueDate ? '' : ` (originally ${date(i.originalDueDate)})`}${i.daysOverdue > 0 ? `, ${i.daysOverdue} days overdue` : ''}`,
    ),
  ];
  if (interest !== null) {
    lines.push(
      `Claimed under ${interest.lawLabel}: interest ${money(interest.interestMinor)} to ${date(interest.until)} and compensation ${money(interest.fixedCompensationMinor)}; total ${money(claim)}.`,
    );
  }
  lines.push('', 'Earlier touches:');
  if (content.priorReminders.length === 0)
    lines.push('  none: this is the first contact about these invoices.');
  for (const r of content.priorReminders)
    lines.push(`  - ${date(r.date)}: ${r.channel.replace('_', ' ')} (${r.stepId})`);
  const deadline = content.deadline === null ? null : date(content.deadline);
  lines.push('', `Ask: ${asks[content.tone](money(claim), deadline)}`);
  if (content.paymentLink !== null) lines.push(`Offer the payment link: ${content.paymentLink}`);
  if (content.portalLink !== null) lines.push(`Copies and statements: ${content.portalLink}`);
  lines.push(
    '',
    'If they say:',
    '  - already paid: take the date, amount and bank reference; log "reached" with a note.',
    '  - a date: log "promise" with the date (and the amount if it is not everything).',
    '  - something is wrong with an invoice: ask which one and why; log "dispute" with the reason.',
    '  - wrong person or number: ask for the right contact; log "wrong number" if the number is not theirs.',
    `No answer: leave a short voicemail (${content.creditor.name}, about ${money(content.totalOpenMinor)}, call back on ${content.creditor.phone}); log "voicemail".`,
  );
  return lines.join('\n');
}
