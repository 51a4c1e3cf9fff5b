// Sample reminders every template is rendered against when it loads, so a misspelt variable
// or a filter used wrongly fails at start-up, not in a customer's inbox. The two samples
// between them exercise both sides of every optional field.
import type { CurrencyCode } from '../core/currency.ts';
import type { LocalDate } from '../core/local-date.ts';
import type { Tone } from '../core/policy/types.ts';
import type { ReminderContent, ReminderInvoice } from './types.ts';

const eur = 'EUR' as CurrencyCode;
const d = (s: string) => s as LocalDate;

function invoice(n: number, open: bigint, daysOverdue: number): ReminderInvoice {
  return {
    number: `INV-2025-00${n}`,
    issueDate: d('2025-01-10'),
    originalDueDate: d('2025-02-09'),
    dueDate: d('2025-02-09'),
    daysOverdue,
    totalMinor: open + 10_000n,
    openMinor: open,
    currency: eur,
  };
}

/** The samples for one language and tone: the barest reminder and the fullest one. */
export function sampleContents(language: string, tone: Tone): readonly ReminderContent[] {
  const bare: ReminderContent = {
    language,
    tone,
    stepId: 'd+7',
    creditor: {
      name: 'Sample Supplier Ltd',
      addressLines: ['1 Sample Street', 'Sampletown'],
      email: 'ar@supplier.example',
      phone: '+44 20 7946 0000',
      bank: null,
    },
    account: { name: 'Sample Customer', ref: 'C-1', addressLines: null },
    contact: { name: null, email: null },
    invoices: [invoice(1, 123_456n, 7)],
    currency: eur,
    totalOpenMinor: 123_456n,
    priorReminders: [],
    paymentLink: null,
    portalLink: null,
    deadline: null,
    interest: null,
    today: d('2025-02-16'),
    card: null,
  };
  const full: ReminderContent = {
    ...bare,
    stepId: 'd+45',
    creditor: { ...bare.creditor, bank: { iban: 'DE89370400440532013000', bic: 'COBADEFFXXX' } },
    account: {
      name: 'Sample Customer GmbH',
      ref: 'C-2',
      addressLines: ['Beispielweg 2', '10115 Berlin', 'Germany'],
    },
    contact: { name: 'Alex Example', email: 'ap@customer.example' },
    invoices: [invoice(2, 50_000n, 45), invoice(3, 25_050n, 30), invoice(4, 999n, 14)],
    totalOpenMinor: 76_049n,
    priorReminders: [
      { date: d('2025-02-16'), stepId: 'd+7', channel: 'email' },
      { date: d('2025-03-02'), stepId: 'd+21', channel: 'letter' },
    ],
    paymentLink: 'https://pay.supplier.example/p/abc',
    portalLink: 'https://portal.supplier.example/a/xyz',
    deadline: d('2025-04-07'),
    interest: {
      lawLabel: '§ 288 BGB',
      interestMinor: 1_234n,
      fixedCompensationMinor: 4_000n,
      ratePercent: '11.27',
      until: d('2025-03-26'),
    },
    today: d('2025-03-26'),
  };
  return [bare, full];
}

/** The samples card-update templates are checked with: a soft decline retried, a hard one near suspension. */
export function sampleCardContents(language: string): readonly ReminderContent[] {
  const [bare, full] = sampleContents(language, 'soft') as [ReminderContent, ReminderContent];
  return [
    { ...bare, stepId: 'card-update', invoices: bare.invoices.slice(0, 1), card: { hard: false, final: false, retryOn: d('2025-02-18'), suspendOn: null, updateLink: null } },
    { ...full, stepId: 'card-final', tone: 'firm', invoices: full.invoices.slice(0, 1), totalOpenMinor: full.invoices[0]?.openMinor ?? 0n, card: { hard: true, final: true, retryOn: null, suspendOn: d('2025-03-05'), updateLink: 'https://billing.supplier.example/card?token=abc' } },
  ];
}
