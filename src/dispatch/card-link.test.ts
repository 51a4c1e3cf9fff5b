// The signed, expiring token of card-update links.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { LocalDate } from '../core/local-date.ts';
import { signCardToken, verifyCardToken } from './card-link.ts';

const secret = 'a-portal-secret-of-32-characters!';
const d = (s: string): LocalDate => s as LocalDate;
const token = signCardToken(secret, { account: 'ACME', failureId: 7, expires: d('2026-04-30') });

test('a token verifies until its last day, then not', () => {
  assert.deepEqual(verifyCardToken(secret, token, d('2026-04-30')), { account: 'ACME', failureId: 7, expires: '2026-04-30' });
  assert.equal(verifyCardToken(secret, token, d('2026-05-01')), null);
});

test('a changed account, a changed signature or another secret is refused', () => {
  const [body, sig] = token.split('.') as [string, string];
  const forged = Buffer.from(JSON.stringify({ a: 'OTHER', f: 7, e: '2026-04-30' })).toString('base64url');
  assert.equal(verifyCardToken(secret, `${forged}.${sig}`, d('2026-04-01')), null);
  assert.equal(verifyCardToken(secret, `${body}.${sig.slice(0, -2)}AA`, d('2026-04-01')), null);
  assert.equal(verifyCardToken('another-secret-entirely-000000000', token, d('2026-04-01')), null);
  assert.equal(verifyCardToken(secret, 'garbage', d('2026-04-01')), null);
});
