// Payment matching: bank lines against open invoices, scored, explained and decided.
export { matchTransaction, matchWithIndex, inWindow } from './match-transaction.ts';
export { buildCandidateIndex, type CandidateIndex } from './candidate-index.ts';
export { defaultMatchSettings, matchSettings, type MatchSettings } from './settings.ts';
export { creditorReference, isCreditorReference, findCreditorReferences } from './creditor-reference.ts';
export { invoiceNumberKey, invoiceNumberKeys, isOneTypo, numberWindows } from './invoice-number.ts';
export { nameSimilarity, nameWords, payerNameKey } from './payer-name.ts';
export { feeTolerance } from './amounts.ts';
export { signalKinds, reviewReasons, unmatchedReasons } from './types.ts';
export type {
  Allocation,
  BankLine,
  MatchResult,
  OpenInvoice,
  PayerKnowledge,
  Proposal,
  ReviewReason,
  Signal,
  SignalKind,
  UnmatchedReason,
} from './types.ts';
