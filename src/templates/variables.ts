// The variables a template may use, as a shape walked by the load-time check. It mirrors
// ReminderContent (types.ts) plus the few values scope.ts derives; keep the three in step.

/** A value templates can read: a scalar, an object of named fields, or a list of one shape. */
export type Shape =
  | { readonly kind: 'scalar' }
  | { readonly kind: 'object'; readonly fields: Readonly<Record<string, Shape>> }
  | { readonly kind: 'list'; readonly of: Shape };

const scalar: Shape = { kind: 'scalar' };
const object = (fields: Record<string, Shape>): Shape => ({ kind: 'object', fields });
const list = (of: Shape): Shape => ({ kind: 'list', of });

/** The root scope of every template. */
export const scopeShape: Shape = object({
  language: scalar,
  tone: scalar,
  stepId: scalar,
  creditor: object({
    name: scalar,
    addressLines: list(scalar),
    email: scalar,
    phone: scalar,
    bank: object({ iban: scalar, bic: scalar }),
  }),
  account: object({ name: scalar, ref: scalar, addressLines: list(scalar) }),
  contact: object({ name: scalar, email: scalar }),
  invoices: list(
    object({
      number: scalar,
      issueDate: scalar,
      originalDueDate: scalar,
      dueDate: scalar,
      daysOverdue: scalar,
      totalMinor: scalar,
      openMinor: scalar,
      currency: scalar,
    }),
  ),
  currency: scalar,
  totalOpenMinor: scalar,
  priorReminders: list(object({ date: scalar, stepId: scalar, channel: scalar })),
  paymentLink: scalar,
  portalLink: scalar,
  deadline: scalar,
  interest: object({
    lawLabel: scalar,
    interestMinor: scalar,
    fixedCompensationMinor: scalar,
    ratePercent: scalar,
    until: scalar,
  }),
  today: scalar,
  card: object({ hard: scalar, final: scalar, retryOn: scalar, suspendOn: scalar, updateLink: scalar }),
  // Derived in scope.ts:
  claimTotalMinor: scalar,
  maxDaysOverdue: scalar,
  locale: scalar,
});

/**
 * Checks a variable path ("invoices.first.number") against the scope; returns why it is
 * unknown, or null when templates may use it. Lists allow first, last, size and indexes;
 * scalars allow size (string length).
 */
export function unknownVariable(segments: readonly (string | number)[]): string | null {
  let shape: Shape = scopeShape;
  const seen: string[] = [];
  for (const segment of segments) {
    const here = seen.length === 0 ? 'the scope' : seen.join('.');
    seen.push(String(segment));
    switch (shape.kind) {
      case 'object': {
        const next = typeof segment === 'string' ? shape.fields[segment] : undefined;
        if (next === undefined)
          return `unknown variable "${seen.join('.')}": ${here} has no "${segment}"`;
        shape = next;
        break;
      }
      case 'list':
        if (segment === 'size') return null;
        if (typeof segment !== 'number' && segment !== 'first' && segment !== 'last') {
          return `unknown variable "${seen.join('.')}": ${here} is a list (use first, last, size or a for loop)`;
        }
        shape = shape.of;
        break;
      case 'scalar':
        if (segment === 'size') return null;
        return `unknown variable "${seen.join('.')}": ${here} has no fields`;
    }
  }
  return null;
}
