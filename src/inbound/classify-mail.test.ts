import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { fixturePath, readFixture } from '../../test/fixtures.ts';
import { classifyMail } from './classify-mail.ts';

const sisimai = 'email/bounces-autoreplies__sisimai';
type Expectation = { expected?: [string, string, string, boolean, string?][] | null; note?: string };
const expectations = JSON.parse(readFixture(`${sisimai}/EXPECTED_from_rb-sisimai.json`).toString('utf8')) as Record<
  string,
  Expectation
>;
const emlFiles = readdirSync(fixturePath(sisimai)).filter((f) => f.endsWith('.eml'));

/** What the sisimai tables say a file is, in Dunwise's terms. */
function expectedKind(file: string, e: Expectation | undefined): string {
  if (file.startsWith('not__')) return 'not_bounce';
  const reason = e?.expected?.[0]?.[2];
  if (reason === 'vacation') return 'auto_reply';
  if (reason === 'feedback') return 'complaint';
  if (reason !== undefined) return 'bounce';
  // No table row: rfc3834-06 is an auto-reply, trendmicro a bounce (550 5.1.1 user unknown).
  return file.includes('rfc3834') ? 'auto_reply' : 'bounce';
}

test('every sisimai fixture has an expectation and is sorted as it says', async () => {
  assert.equal(emlFiles.length, 39);
  let correct = 0;
  for (const file of emlFiles) {
    const key = `maildir/${file.replace('__', '/')}`;
    const e = expectations[key];
    assert.ok(e, `no expectation for ${key}`);
    const want = expectedKind(file, e);
    const got = await classifyMail(readFixture(`${sisimai}/${file}`));
    if (want === 'not_bounce') assert.notEqual(got.kind, 'bounce', file);
    else assert.equal(got.kind, want, file);
    const row = e.expected?.[0];
    if (want === 'bounce' && row) {
      // sisimai's "hardbounce": the address is dead (unknown user/domain), not merely "5.x.x".
      assert.equal(got.bounce?.hard, row[3], `${file} hard`);
      // Plain-text notices without a code (Domino, 1&1) leave the status null.
      if (row[0] !== '' && got.bounce?.status) assert.equal(got.bounce?.status?.[0], row[0][0], `${file} status class`);
    }
    correct += 1;
  }
  assert.equal(correct, emlFiles.length);
});

test('bounce details: recipient, status, delayed reports are soft and not final', async () => {
  const read = async (f: string) => (await classifyMail(readFixture(`${sisimai}/${f}`))).bounce;
  assert.deepEqual(await read('bsd__lhost-postfix-02.eml'), {
    hard: true, final: true, status: '5.2.1', recipient: 'filtered@example.co.jp', reason: 'user_unknown',
    diagnostic: '550 5.2.1 <filtered@example.co.jp>... User Unknown',
  });
  const qmail = await read('bsd__lhost-qmail-01.eml');
  assert.equal(qmail?.recipient, 'kijitora@example.ne.jp');
  assert.equal(qmail?.status, '5.5.0');
  const delayed = await read('bsd__rfc3464-07.eml');
  assert.equal(delayed?.final, false);
  assert.equal(delayed?.hard, false);
  assert.equal(delayed?.reason, 'delayed');
  const soft = await read('bsd__lhost-postfix-05.eml');
  assert.equal(soft?.status, '4.1.1');
  assert.equal(soft?.hard, true, 'Action: failed with user unknown: the server gave up on a dead address');
  assert.equal((await read('bsd__lhost-gmx-01.eml'))?.reason, 'mailbox_full');
  assert.equal((await read('bsd__lhost-exchange2007-06.eml'))?.recipient, 'transports@agglo-saumur.fr');
});

test('an ARF abuse report is a complaint, not a bounce', async () => {
  const got = await classifyMail(readFixture(`${sisimai}/bsd__arf-01.eml`));
  assert.equal(got.kind, 'complaint');
  assert.equal(got.bounce, null);
  assert.equal(got.complaint?.feedbackType, 'abuse');
});

test('auto-replies: CRLF and bare-CR line ends, header-only evidence, reasons', async () => {
  for (const f of ['bsd__rfc3834-01.eml', 'dos__rfc3834-01.eml', 'mac__rfc3834-01.eml']) {
    const got = await classifyMail(readFixture(`${sisimai}/${f}`));
    assert.equal(got.kind, 'auto_reply', f);
    assert.equal(got.subject, 'Away until May 5', f);
    assert.match(got.text, /returning to the office on May 5th/, f);
  }
  const only = await classifyMail(readFixture(`${sisimai}/bsd__rfc3834-05.eml`));
  assert.equal(only.autoReply?.reason, 'Auto-Submitted: auto-replied');
});

function mail(headers: string, body = 'Hello'): Buffer {
  return Buffer.from(`From: a@example.com\r\nTo: b@example.com\r\n${headers}\r\n\r\n${body}\r\n`);
}

test('auto-reply headers and subjects in several languages; Auto-Submitted: no is human', async () => {
  const cases: [string, string][] = [
    ['Auto-Submitted: no\r\nSubject: Re: Invoice 42', 'human'],
    ['Subject: Re: Invoice 42', 'human'],
    ['X-Autoreply: yes\r\nSubject: Re: Invoice', 'auto_reply'],
    ['X-Autorespond: yes\r\nSubject: Invoice', 'auto_reply'],
    ['Precedence: auto_reply\r\nSubject: Invoice', 'auto_reply'],
    ['Precedence: junk\r\nSubject: Invoice', 'auto_reply'],
    ['Subject: Abwesenheitsnotiz: Rechnung 42', 'auto_reply'],
    ['Subject: Automatische Antwort: Rechnung 42', 'auto_reply'],
    ['Subject: =?utf-8?Q?R=C3=A9ponse_automatique_:_Facture?=', 'auto_reply'],
    ['Subject: Absence: Facture 42', 'auto_reply'],
    ['Subject: Afwezig: factuur', 'auto_reply'],
    ['Subject: Fuera de la oficina: factura', 'auto_reply'],
    ['Subject: Out of Office: Invoice 42', 'auto_reply'],
    ['Subject: AW: Automatic reply: Invoice 42', 'auto_reply'],
    ['Subject: Re: out of office question', 'auto_reply'],
  ];
  for (const [headers, kind] of cases) assert.equal((await classifyMail(mail(headers))).kind, kind, headers);
});

test('threading headers, date and addresses are returned', async () => {
  const got = await classifyMail(
    mail('Subject: Re: Invoice\r\nMessage-ID: <m2@x>\r\nIn-Reply-To: <m1@x>\r\nReferences: <m0@x> <m1@x>\r\nDate: Tue, 3 Apr 2012 16:55:26 +0400', 'Paid yesterday.'),
  );
  assert.equal(got.messageId, '<m2@x>');
  assert.equal(got.inReplyTo, '<m1@x>');
  assert.deepEqual(got.references, ['<m0@x>', '<m1@x>']);
  assert.equal(got.date, '2012-04-03T12:55:26.000Z');
  assert.equal(got.from, 'a@example.com');
  assert.deepEqual(got.to, ['b@example.com']);
  assert.equal(got.text.trim(), 'Paid yesterday.');
});

test('mailparser MIME edge cases and talon replies parse without crashing', async () => {
  for (const dir of ['email/misc-mime__mailparser', 'email/replies-quoted__talon']) {
    for (const file of readdirSync(fixturePath(dir)).filter((f) => f.endsWith('.eml'))) {
      const got = await classifyMail(readFixture(`${dir}/${file}`));
      const want = file === 'delivery-status.eml' ? 'bounce' : 'human';
      assert.equal(got.kind, want, file);
      assert.ok(got.text.length > 0, file);
    }
  }
  const ses = await classifyMail(readFixture('email/misc-mime__mailparser/delivery-status.eml'));
  assert.equal(ses.bounce?.recipient, 'xxxx@xxxx.com');
  assert.equal(ses.bounce?.status, '5.1.1');
});

test('HTML-only mail is converted to text', async () => {
  const got = await classifyMail(
    mail('Subject: Re: Invoice\r\nContent-Type: text/html; charset=utf-8', '<p>We <b>paid</b> on 3 May.</p><blockquote>old</blockquote>'),
  );
  assert.match(got.text, /We paid on 3 May\./i);
});

test('garbage input does not throw', async () => {
  const got = await classifyMail(Buffer.from('\x00\x01not a mail at all'));
  assert.equal(got.kind, 'human');
});
