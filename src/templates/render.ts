// Rendering one reminder for one channel from a loaded template set.
import { DunwiseError, ErrorCode } from '../core/errors.ts';
import { formattingLocale, primaryLanguage } from './format.ts';
import type { TemplateSet } from './load.ts';
import { locate } from './check.ts';
import { templateScope } from './scope.ts';
import type { ReminderContent, RenderedFor, TemplateChannel } from './types.ts';

/** The language templates fall back to when the contact's language has none. */
export const fallbackLanguage = 'en';

/**
 * Renders `content` for `channel` in the contact's language, falling back to English file by
 * file. WhatsApp uses the SMS template when no WhatsApp template exists. Templates were
 * checked at load, so a failure here is a broken invariant and throws.
 */
export function renderReminder<C extends TemplateChannel>(
  templates: TemplateSet,
  content: ReminderContent,
  channel: C,
): RenderedFor<C> {
  const found = pick(templates, content, channel);
  const locale = formattingLocale(content.language, found.language);
  const scope = templateScope(content);
  const out = new Map<string, string>();
  for (const [name, parsed] of found.sections) {
    const engine = name === 'html' ? templates.engines.html : templates.engines.text;
    try {
      out.set(name, engine.renderSync(parsed, scope, { globals: { locale } }) as string);
    } catch (error) {
      const p = locate(error, found.key, templates.origins);
      throw new DunwiseError(
        ErrorCode.internal,
        `template ${p.file}${p.line === null ? '' : `:${p.line}`}: ${p.message}`,
      );
    }
  }
  const get = (name: string) => out.get(name) ?? '';
  const language = found.language;
  switch (channel) {
    case 'email':
      return {
        channel,
        language,
        subject: oneLine(get('subject')),
        text: paragraphs(get('text')),
        html: get('html').trim(),
      } as RenderedFor<C>;
    case 'letter':
      return {
        channel,
        language,
        subject: oneLine(get('subject')),
        body: paragraphs(get('body')),
        closing: paragraphs(get('closing')),
      } as RenderedFor<C>;
    case 'sms':
    case 'whatsapp':
      return { channel, language, text: plainSpaces(paragraphs(get('text'))) } as RenderedFor<C>;
  }
  throw new Error(`unknown channel ${String(channel)}`);
}

function pick(templates: TemplateSet, content: ReminderContent, channel: TemplateChannel) {
  const languages = [primaryLanguage(content.language), fallbackLanguage];
  const names = channel === 'whatsapp' ? ['whatsapp', 'sms'] : [channel];
  // A card-update email has its own template; its tone only sets how firm the words are.
  const base = content.card === null ? content.tone : 'card-update';
  for (const language of languages) {
    for (const name of names) {
      const key = `${language}/${base}.${name}.liquid`;
      const sections = templates.parsed.get(key);
      if (sections !== undefined) return { key, language, sections };
    }
  }
  throw new DunwiseError(
    ErrorCode.notFound,
    `no ${base} ${channel} template in ${content.language} or ${fallbackLanguage}`,
  );
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Trims line ends and keeps at most one blank line between paragraphs. */
function paragraphs(text: string): string {
  return text
    .split('\n')
    .map((l) => l.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Phones show no-break spaces as spaces, and they would push an SMS out of GSM-7. */
function plainSpaces(text: string): string {
  return text.replace(/[\u00a0\u2009\u202f]/g, ' ');
}
