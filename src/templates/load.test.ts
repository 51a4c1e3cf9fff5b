import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { DunwiseError } from '../core/errors.ts';
import { tones } from '../core/policy/types.ts';
import { builtInTemplateDir, loadTemplates, type TemplateProblem } from './load.ts';
import { renderReminder } from './render.ts';
import { sampleContents } from './sample.ts';

const dirs: string[] = [];
after(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

async function customDir(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'dunwise-templates-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) {
    await mkdir(join(dir, name.split('/')[0] ?? ''), { recursive: true });
    await writeFile(join(dir, name), text);
  }
  return dir;
}

async function problemsOf(dir: string): Promise<TemplateProblem[]> {
  try {
    await loadTemplates(dir);
  } catch (error) {
    assert.ok(error instanceof DunwiseError);
    assert.equal(error.code, 'invalid_input');
    return error.details['problems'] as TemplateProblem[];
  }
  assert.fail('the templates loaded');
}

const email = (text: string) =>
  `--- subject ---\nHi\n--- text ---\n${text}\n--- html ---\n<p>hi</p>\n`;

test('the built-in set is complete: five languages x four tones x email, letter and SMS', async () => {
  await loadTemplates(null);
  for (const lang of ['en', 'de', 'fr', 'es', 'nl']) {
    const files = await readdir(join(builtInTemplateDir, lang));
    for (const tone of tones) {
      for (const channel of ['email', 'letter', 'sms']) {
        assert.ok(files.includes(`${tone}.${channel}.liquid`), `${lang}/${tone}.${channel}.liquid`);
      }
    }
  }
});

test('a custom file overrides the built-in one; other files stay built-in', async () => {
  const dir = await customDir({ 'de/soft.email.liquid': email('Hallo {{ account.name }}') });
  const set = await loadTemplates(dir);
  const [sample] = sampleContents('de', 'soft');
  assert.ok(sample);
  assert.equal(renderReminder(set, sample, 'email').text, 'Hallo Sample Customer');
  assert.match(renderReminder(set, { ...sample, tone: 'firm' }, 'email').subject, /^Mahnung/);
});

test('an unknown variable is reported with its file and line at load', async () => {
  const dir = await customDir({
    'en/firm.email.liquid': email('Hello\n\n{{ invoices.first.numbr }}'),
  });
  const problems = await problemsOf(dir);
  assert.equal(problems.length, 1);
  assert.equal(problems[0]?.file, join(dir, 'en/firm.email.liquid'));
  assert.equal(problems[0]?.line, 6);
  assert.match(problems[0]?.message ?? '', /numbr/);
});

test('a misspelt field inside a loop is caught by the sample render', async () => {
  const dir = await customDir({
    'en/firm.sms.liquid': '{% for i in invoices %}\n{{ i.amount }}{% endfor %}',
  });
  const [p] = await problemsOf(dir);
  assert.deepEqual([p?.file, p?.line], [join(dir, 'en/firm.sms.liquid'), 2]);
  assert.match(p?.message ?? '', /undefined variable: i\.amount/);
});

test('syntax errors, unknown filters, missing sections and bad names are all reported', async () => {
  const dir = await customDir({
    'en/soft.email.liquid': email('{% if tone %}unclosed'),
    'en/firm.letter.liquid': '--- subject ---\nX\n--- body ---\n{{ tone | shout }}\n',
    'en/final.sms.liquid': '{{ totalOpenMinor | money }}',
    'en/reminder.liquid': 'x',
  });
  const problems = await problemsOf(dir);
  const at = (name: string) =>
    problems.filter((p) => p.file.endsWith(name)).map((p) => `${p.line}: ${p.message}`);
  assert.match(at('soft.email.liquid').join('|'), /^4: .*not closed/);
  assert.match(at('firm.letter.liquid').join('|'), /null: missing section "--- closing ---"/);
  assert.match(at('firm.letter.liquid').join('|'), /4: undefined filter: shout/);
  assert.match(at('final.sms.liquid').join('|'), /^1: money: needs a currency/);
  assert.match(at('reminder.liquid').join('|'), /not a template name/);
});

test('the loader reaches no file outside the template set', async () => {
  const dir = await customDir({
    'en/soft.sms.liquid': "{% include '../../../../../../etc/hostname' %}",
  });
  const [p] = await problemsOf(dir);
  assert.match(p?.message ?? '', /ENOENT|not found|Failed to lookup/i);
});

test('an error in a custom partial names the partial', async () => {
  const dir = await customDir({
    'en/_greeting.text.liquid': 'Dear\n{{ contact.nam }}',
  });
  const problems = await problemsOf(dir);
  assert.ok(problems.length > 0);
  assert.ok(
    problems.every((p) => p.file === join(dir, 'en/_greeting.text.liquid') && p.line === 2),
    JSON.stringify(problems),
  );
});
