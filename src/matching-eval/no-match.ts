// Bank lines that pay no invoice: salaries, refunds, interest, card payouts, fees.
import type { BankLine, OpenInvoice } from '../core/matching/types.ts';
import type { Random } from '../demo/random.ts';
import { randomIban } from './iban.ts';

// prettier-ignore
const kinds = [
  { name: 'Anna Schneider', note: 'Gehalt 05/2024', sign: -1n },
  { name: 'Jean-Luc Moreau', note: 'Salaire mai 2024', sign: -1n },
  { name: 'Deutsche Telekom AG', note: 'Erstattung Kundenkonto 88231-4', sign: 1n },
  { name: 'Amazon EU S.a r.l.', note: 'Refund order 302-4417761-2207', sign: 1n },
  { name: 'STRIPE PAYMENTS EUROPE LTD', note: 'PAYOUT po_1PxQ7aLkdIwHu7ix', sign: 1n },
  { name: 'Finanzamt München', note: 'USt-Erstattung 2023', sign: 1n },
  { name: 'Hausbank', note: 'Zinsen/Interest Q2', sign: 1n },
  { name: 'Allianz Versicherungs-AG', note: 'Schadenregulierung 44-1189', sign: 1n },
  { name: 'Vodafone GmbH', note: 'Lastschrift Rechnung 2024-05', sign: -1n },
];

/** A line that belongs to no open invoice, dated like the others. */
export function noMatchLine(random: Random, sample: OpenInvoice): BankLine {
  const kind = random.pick(kinds);
  const amount = BigInt(random.int(500, 900_000));
  return {
    amountMinor: kind.sign * amount,
    currency: sample.currency,
    bookingDate: sample.dueDate,
    counterpartyName: kind.name,
    counterpartyIban: randomIban(random, 'DE', 22),
    reference: null,
    remittance: kind.note,
    endToEndId: null,
  };
}
