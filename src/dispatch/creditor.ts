/** The creditor as messages present it: from configuration. */
export type Creditor = {
  readonly name: string;
  readonly addressLines: readonly string[];
  readonly email: string;
  readonly phone: string;
  readonly bank: { readonly iban: string; readonly bic: string } | null;
  /** URL template for the payment link; {account} and {invoice} are filled in. */
  readonly paymentLink: string | null;
  readonly portalLink: string | null;
  /** Where card-update emails send the customer: a URL template with {token}, {account}, {invoice}, and the secret signing {token}. */
  readonly cardUpdate?: { readonly link: string; readonly secret: string | null } | null;
};
