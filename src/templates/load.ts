// Loading a template set: the built-in templates, overridden file by file by a custom folder,
// each checked at load (syntax, sections, variables, a render against sample reminders) so a
// broken template stops start-up with its file and line instead of failing a send.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Template } from 'liquidjs';
import { DunwiseError, ErrorCode } from '../core/errors.ts';
import { tones, type Tone } from '../core/policy/types.ts';
import { createEngines, type Engines } from './engine.ts';
import { checkTemplate, type TemplateProblem } from './check.ts';
import { sectionsOf, templateChannels, type TemplateChannel } from './types.ts';

export type { TemplateProblem } from './check.ts';

/** The built-in templates shipped with Dunwise: templates/<lang>/<tone>.<channel>.liquid. */
export const builtInTemplateDir = fileURLToPath(new URL('../../templates/', import.meta.url));

/** A loaded, checked template set, ready for renderReminder. */
export type TemplateSet = {
  readonly engines: Engines;
  /** Parsed sections per file key ("de/firm.email.liquid"). */
  readonly parsed: ReadonlyMap<string, ReadonlyMap<string, Template[]>>;
  /** Where each file key came from on disk. */
  readonly origins: ReadonlyMap<string, string>;
};

/** Templates for a purpose rather than a tone: the card-update emails of failed card payments. */
export const purposeTemplates = ['card-update'] as const;
const mainName = new RegExp(`^(${[...tones, ...purposeTemplates].join('|')})\\.(${templateChannels.join('|')})\\.liquid$`);
const partialName = /^_[a-z0-9][a-z0-9_.-]*\.liquid$/;
const languageDir = /^[a-z]{2,3}$/;

/**
 * Loads the built-in templates and, when `customDir` is given, the custom ones (same layout;
 * a custom file replaces the built-in file of the same language and name, other files stay).
 * Throws an invalid_input DunwiseError listing every problem (file, line, message).
 */
export async function loadTemplates(customDir: string | null): Promise<TemplateSet> {
  const files = new Map<string, { source: string; origin: string }>();
  const problems: TemplateProblem[] = [];
  for (const dir of customDir === null ? [builtInTemplateDir] : [builtInTemplateDir, customDir]) {
    await readTemplateDir(dir, files, problems);
  }
  const sources = Object.fromEntries([...files].map(([key, f]) => [key, f.source]));
  const origins = new Map([...files].map(([key, f]) => [key, f.origin]));
  const engines = createEngines(sources);
  const parsed = new Map<string, ReadonlyMap<string, Template[]>>();
  for (const [key, file] of files) {
    const [language = '', name = ''] = key.split('/');
    const main = mainName.exec(name);
    const target = main
      ? main[1] === 'card-update'
        ? { language, tone: 'soft' as Tone, purpose: 'card-update' as const, required: sectionsOf[main[2] as TemplateChannel] }
        : { language, tone: main[1] as Tone, purpose: 'reminder' as const, required: sectionsOf[main[2] as TemplateChannel] }
      : null;
    const result = checkTemplate(engines, key, file.source, target, origins);
    problems.push(...result.problems);
    if (result.sections !== null) parsed.set(key, result.sections);
  }
  if (problems.length > 0) {
    const list = problems.map(
      (p) => `  ${p.file}${p.line === null ? '' : `:${p.line}`}: ${p.message}`,
    );
    throw new DunwiseError(
      ErrorCode.invalidInput,
      `${problems.length} problem${problems.length > 1 ? 's' : ''} in templates:\n${list.join('\n')}`,
      { problems },
    );
  }
  return { engines, parsed, origins };
}

async function readTemplateDir(
  dir: string,
  files: Map<string, { source: string; origin: string }>,
  problems: TemplateProblem[],
): Promise<void> {
  let languages;
  try {
    languages = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    problems.push({
      file: dir,
      line: null,
      message: `cannot read the template folder: ${(error as Error).message}`,
    });
    return;
  }
  for (const lang of languages) {
    if (!lang.isDirectory()) continue;
    if (!languageDir.test(lang.name)) {
      problems.push({
        file: join(dir, lang.name),
        line: null,
        message: 'a language folder is named by a lower-case ISO 639 code (en, de, fr)',
      });
      continue;
    }
    for (const entry of await readdir(join(dir, lang.name), { withFileTypes: true })) {
      if (!entry.isFile() || !entry.name.endsWith('.liquid')) continue;
      const origin = join(dir, lang.name, entry.name);
      if (!mainName.test(entry.name) && !partialName.test(entry.name)) {
        problems.push({
          file: origin,
          line: null,
          message: 'not a template name: use <tone>.<channel>.liquid, card-update.email.liquid or _<partial>.liquid',
        });
        continue;
      }
      files.set(`${lang.name}/${entry.name}`, { source: await readFile(origin, 'utf8'), origin });
    }
  }
}
