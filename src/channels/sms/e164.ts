// Phone numbers in E.164: "+", a country code, and at most 15 digits in all. We do not
// guess at national formats; a number that is not already E.164 is refused with the reason.

/** A checked E.164 number, or why the text is not one. */
export type E164Check =
  | { readonly kind: 'ok'; readonly number: string }
  | { readonly kind: 'invalid'; readonly reason: string };

/** Checks that `text` is an E.164 number such as +4915112345678. */
export function checkE164(text: string): E164Check {
  const bad = (why: string): E164Check => ({
    kind: 'invalid',
    reason: `"${text}" is not an E.164 phone number: ${why}`,
  });
  if (!text.startsWith('+'))
    return bad('it must start with + and the country code, e.g. +4915112345678');
  const digits = text.slice(1);
  if (/[\s().-]/.test(digits)) return bad('remove spaces, dashes, dots and brackets');
  if (!/^\d+$/.test(digits)) return bad('only digits may follow the +');
  if (digits.startsWith('0')) return bad('country codes never start with 0');
  if (digits.length < 7) return bad('too short');
  if (digits.length > 15) return bad('more than 15 digits');
  return { kind: 'ok', number: text };
}
