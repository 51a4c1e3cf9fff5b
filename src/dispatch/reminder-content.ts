import { asCurrency, type CurrencyCode } from '../core/currency.ts';
import { daysBetween, addDays, type LocalDate } from '../core/local-date.ts';
import type { TouchDelivery } from '../engine/dispatch-ports.ts';
import type { ReminderContent } from '../templates/index.ts';
import { cardUpdateLink } from './card-link.ts';
import type { Creditor } from './creditor.ts';
import { interestFor } from './interest.ts';

/** What a touch's message says, from the touch as it stands at sending time and the creditor's details. */
export function reminderContent(touch: TouchDelivery, creditor: Creditor, today: LocalDate): ReminderContent {
  const currency = asCurrency(touch.invoices[0]?.currency ?? 'EUR') as CurrencyCode;
  const invoices = touch.invoices.map((i) => ({
    number: i.number,
    issueDate: i.issueDate,
    originalDueDate: i.dueDate,
    dueDate: i.dueDate,
    daysOverdue: Math.max(0, daysBetween(i.dueDate, today)),
    totalMinor: i.totalMinor,
    openMinor: i.openMinor,
    currency,
  }));
  const totalOpenMinor = invoices.reduce((s, i) => s + i.openMinor, 0n);
  const hard = touch.tone === 'formal' || touch.tone === 'final';
  const link = (template: string | null): string | null => (template ? template.replace('{account}', encodeURIComponent(touch.account.ref)).replace('{invoice}', encodeURIComponent(invoices[0]?.number ?? '')) : null);
  return {
    language: touch.contact?.language ?? 'en',
    tone: touch.tone,
    stepId: touch.stepId,
    creditor: { name: creditor.name, addressLines: creditor.addressLines, email: creditor.email, phone: creditor.phone, bank: creditor.bank },
    account: { name: touch.account.name, ref: touch.account.ref, addressLines: null },
    contact: { name: touch.contact?.name ?? null, email: touch.contact?.email ?? null },
    invoices,
    currency,
    totalOpenMinor,
    priorReminders: touch.priorReminders,
    paymentLink: link(creditor.paymentLink),
    portalLink: link(creditor.portalLink),
    deadline: hard ? addDays(today, touch.tone === 'final' ? 7 : 10) : null,
    interest: hard ? interestFor(touch, currency, today) : null,
    today,
    card: touch.card ? { hard: touch.card.hard, final: touch.card.final, retryOn: touch.card.retryOn, suspendOn: touch.card.suspendOn, updateLink: cardUpdateLink(creditor, touch, today) } : null,
  };
}
