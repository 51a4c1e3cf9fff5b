// The cash module's public surface: bank-file parsing and payment-processor events.
export { parseStatementFile } from './parse-statement.ts';
export { toParseJson, type ParseJson, type TransactionJson } from './json.ts';
export { parseStripeEvent, normaliseStripeEvent } from './stripe.ts';
export type { PaymentEvent, PaymentEventKind, DeclineInfo, StripeEventResult } from './stripe.ts';
export { verifyStripeSignature, signStripeBody } from './stripe-signature.ts';
export { statementFormats } from './statement.ts';
export type {
  Statement,
  StatementFormat,
  StatementParseError,
  StatementParseResult,
  Transaction,
} from './statement.ts';
