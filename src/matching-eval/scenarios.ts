// The kinds of bank lines in the simulation, how often each occurs, and what they test.

/** One simulated situation on a bank statement. */
export const scenarios = [
  'reference_exact',
  'number_exact',
  'number_typo',
  'combined_named',
  'partial_ref',
  'fee_ref',
  'over_ref',
  'foreign_payer_ref',
  'name_amount',
  'fee_name',
  'combined_unnamed',
  'same_amount',
  'wrong_reference',
  'currency_mismatch',
  'no_match',
] as const;
export type Scenario = (typeof scenarios)[number];

/** Lines whose reference or remittance names the right invoices (exactly or with a typo). */
export const referenceScenarios: ReadonlySet<Scenario> = new Set<Scenario>([
  'reference_exact',
  'number_exact',
  'number_typo',
  'combined_named',
  'partial_ref',
  'fee_ref',
  'over_ref',
  'foreign_payer_ref',
]);

/** Lines with only a payer (name, IBAN) and an amount. */
export const nameAmountScenarios: ReadonlySet<Scenario> = new Set<Scenario>([
  'name_amount',
  'fee_name',
  'combined_unnamed',
  'same_amount',
]);

/** Relative frequency of each scenario in a generated statement. */
export const scenarioWeights: Readonly<Record<Scenario, number>> = {
  reference_exact: 22,
  number_exact: 14,
  number_typo: 6,
  combined_named: 5,
  partial_ref: 4,
  fee_ref: 4,
  over_ref: 2,
  foreign_payer_ref: 4,
  name_amount: 14,
  fee_name: 2,
  combined_unnamed: 3,
  same_amount: 3,
  wrong_reference: 3,
  currency_mismatch: 1,
  no_match: 10,
};
