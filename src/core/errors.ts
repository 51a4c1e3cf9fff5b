/** Codes of refused requests and broken invariants; the CLI and HTTP layers map them. */
export const ErrorCode = {
  invalidInput: 'invalid_input',
  notFound: 'not_found',
  conflict: 'conflict',
  schemaTooNew: 'schema_too_new',
  unsupported: 'unsupported',
  internal: 'internal',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** The one error Dunwise throws on purpose: a code, a plain message, and optional details. */
export class DunwiseError extends Error {
  readonly code: ErrorCode;
  readonly details: Readonly<Record<string, unknown>>;

  constructor(code: ErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'DunwiseError';
    this.code = code;
    this.details = details;
  }
}

/** Throws an invalid-input DunwiseError. */
export function invalid(message: string, details: Record<string, unknown> = {}): never {
  throw new DunwiseError(ErrorCode.invalidInput, message, details);
}
