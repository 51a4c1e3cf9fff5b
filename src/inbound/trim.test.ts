import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { fixturePath, readFixture } from '../../test/fixtures.ts';
import { trimReply } from './trim.ts';
import { classifyMail } from './classify-mail.ts';

const dir = 'email/reply-bodies__email_reply_trimmer';
const norm = (s: string): string => s.split('\n').map((l) => l.trimEnd()).join('\n').trimEnd();

test('every email_reply_trimmer body trims to its .trimmed.txt', () => {
  const bodies = readdirSync(fixturePath(dir)).filter((f) => f.endsWith('.txt') && !f.endsWith('.trimmed.txt'));
  assert.equal(bodies.length, 10);
  for (const file of bodies) {
    const input = readFixture(`${dir}/${file}`).toString('utf8');
    const want = readFixture(`${dir}/${file.replace(/\.txt$/, '.trimmed.txt')}`).toString('utf8');
    assert.equal(norm(trimReply(input)), norm(want), file);
  }
});

test('talon replies trim to the new text only', async () => {
  const talon = 'email/replies-quoted__talon';
  const expected: Record<string, string> = {
    'android.eml': 'Hello', 'aol.eml': 'Hello', 'apple_mail.eml': 'Hello', 'apple_mail_2.eml': 'Hello',
    'comcast.eml': 'Hello', 'gmail.eml': 'Hello', 'hotmail.eml': 'Hello', 'iphone.eml': 'Hello',
    'outlook.eml': 'Hello', 'sparrow.eml': 'Hello', 'thunderbird.eml': 'Hello', 'yahoo.eml': 'Hello',
  };
  for (const [file, want] of Object.entries(expected)) {
    const mail = await classifyMail(readFixture(`${talon}/${file}`));
    assert.equal(norm(trimReply(mail.text)), want, file);
  }
});

test('reply headers, Outlook blocks and closings in English, German and French', () => {
  const cases: [string, string][] = [
    ['Paid today.\n\nOn Mon, 3 Mar 2025 at 10:00, Dunwise <ar@x.com> wrote:\n> Reminder', 'Paid today.'],
    ['Bezahlt.\n\nAm 03.03.2025 um 10:00 schrieb Buchhaltung <ar@x.com>:\n> Erinnerung', 'Bezahlt.'],
    ['Payé hier.\n\nLe lun. 3 mars 2025 à 10:00, Compta <ar@x.com> a écrit :\n> Relance', 'Payé hier.'],
    ['Wir zahlen Freitag.\n\nMit freundlichen Grüßen\nHans Müller\nBuchhaltung\nTel. 030 1234', 'Wir zahlen Freitag.'],
    ['We will pay.\n\nFrom: AR <ar@x.com>\nSent: Monday, March 3, 2025\nTo: me\nSubject: Invoice\n\nPlease pay', 'We will pay.'],
    ['Ok.\n\n-----Ursprüngliche Nachricht-----\nVon: AR\nGesendet: Montag\nBetreff: Rechnung', 'Ok.'],
    ['Merci.\n\nCordialement,\nMarie Dupont', 'Merci.'],
    ['Yes.\n-- \nJohn', 'Yes.'],
  ];
  for (const [input, want] of cases) assert.equal(trimReply(input), want, input);
});

test('a closing followed by real sentences is kept', () => {
  const text = 'Thanks\nWe already paid this on Monday. Please check your account again.';
  assert.equal(trimReply(text), text);
});
