// The load-time check of one template file: sections, Liquid syntax, variables against the
// scope, and a render against the sample reminders. Problems carry the file and line.
import { LiquidError, type Liquid, type Template } from 'liquidjs';
import type { Tone } from '../core/policy/types.ts';
import type { Engines } from './engine.ts';
import { formattingLocale } from './format.ts';
import { sampleCardContents, sampleContents } from './sample.ts';
import { templateScope } from './scope.ts';
import { splitSections } from './sections.ts';
import { unknownVariable } from './variables.ts';

/** Something wrong with a template, where it is (line is 1-based, null for the whole file). */
export type TemplateProblem = {
  readonly file: string;
  readonly line: number | null;
  readonly message: string;
};

/** What a main template file is for; null for a partial (checked for syntax only). */
export type TemplateTarget = {
  readonly language: string;
  readonly tone: Tone;
  /** A reminder of its tone, or a card-update email (rendered with card samples). */
  readonly purpose: 'reminder' | 'card-update';
  readonly required: readonly string[];
} | null;

/** Checks one file; returns its parsed sections when it parses. */
export function checkTemplate(
  engines: Engines,
  key: string,
  source: string,
  target: TemplateTarget,
  origins: ReadonlyMap<string, string>,
): { problems: TemplateProblem[]; sections: Map<string, Template[]> | null } {
  const origin = origins.get(key) ?? key;
  const problems: TemplateProblem[] = [];
  const add = (p: TemplateProblem) => {
    if (!problems.some((q) => q.file === p.file && q.line === p.line && q.message === p.message))
      problems.push(p);
  };
  if (target === null) {
    try {
      engines.text.parse(source, key);
    } catch (error) {
      add(locate(error, key, origins));
    }
    return { problems, sections: null };
  }
  const split = splitSections(source);
  if (split.kind === 'error')
    return {
      problems: [{ file: origin, line: split.line, message: split.reason }],
      sections: null,
    };
  const names = split.sections.map((s) => s.name);
  for (const name of target.required) {
    if (!names.includes(name))
      add({ file: origin, line: null, message: `missing section "--- ${name} ---"` });
  }
  for (const s of split.sections) {
    if (!target.required.includes(s.name)) {
      add({
        file: origin,
        line: s.line - 1,
        message: `unknown section "${s.name}" (expected ${target.required.join(', ')})`,
      });
    }
  }
  const sections = new Map<string, Template[]>();
  for (const section of split.sections) {
    const engine = section.name === 'html' ? engines.html : engines.text;
    try {
      const templates = engine.parse(section.source, key);
      sections.set(section.name, templates);
      checkVariables(engine, templates, key, origins).forEach(add);
    } catch (error) {
      add(locate(error, key, origins));
    }
  }
  if (problems.length > 0) return { problems, sections: null };
  const samples = target.purpose === 'card-update' ? sampleCardContents(target.language) : sampleContents(target.language, target.tone);
  for (const sample of samples) {
    const scope = templateScope(sample);
    const globals = { locale: formattingLocale(sample.language, target.language) };
    for (const [name, templates] of sections) {
      const engine = name === 'html' ? engines.html : engines.text;
      try {
        engine.renderSync(templates, scope, { globals });
      } catch (error) {
        add(locate(error, key, origins));
      }
    }
  }
  return { problems, sections: problems.length > 0 ? null : sections };
}

function checkVariables(
  engine: Liquid,
  templates: Template[],
  key: string,
  origins: ReadonlyMap<string, string>,
): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  for (const variables of Object.values(engine.analyzeSync(templates).globals)) {
    for (const variable of variables) {
      // Indexes computed from other variables (invoices[i]) only need to be some index.
      const segments = variable.toArray().map((s) => (Array.isArray(s) ? 0 : s));
      const reason = unknownVariable(segments);
      if (reason === null) continue;
      const file = variable.location.file ?? key;
      problems.push({
        file: origins.get(file) ?? file,
        line: variable.location.row,
        message: reason,
      });
    }
  }
  return problems;
}

/** Turns a Liquid error into a problem at its file and line. */
export function locate(
  error: unknown,
  key: string,
  origins: ReadonlyMap<string, string>,
): TemplateProblem {
  if (error instanceof LiquidError && error.token !== undefined) {
    const file = error.token.file ?? key;
    const [line] = error.token.getPosition();
    const message = error.message.replace(/(, file:[^,]*)?, line:\d+, col:\d+/g, '');
    return { file: origins.get(file) ?? file, line: line ?? null, message };
  }
  return {
    file: origins.get(key) ?? key,
    line: null,
    message: error instanceof Error ? error.message : String(error),
  };
}
