// The public surface of reminder templates.
export {
  loadTemplates,
  builtInTemplateDir,
  type TemplateSet,
  type TemplateProblem,
} from './load.ts';
export { renderReminder, fallbackLanguage } from './render.ts';
export {
  formatAmount,
  formatPercent,
  formatLocalDate,
  formattingLocale,
  primaryLanguage,
} from './format.ts';
export { sampleContents } from './sample.ts';
export type * from './types.ts';
export { templateChannels, sectionsOf } from './types.ts';
