// The policy module's public surface: the model, presets, and the plain-language compiler.
export * from './types.ts';
export { presets, presetNames } from './presets.ts';
export { compilePlain, type PlainOptions, type PlainProblem } from './plain/compile-plain.ts';
export { toPlain, stepToPlain } from './plain/to-plain.ts';
export { finalizeSteps, formatOffset, type StepDraft, type StepProblem } from './finalize.ts';
export {
  defaultStepId,
  defaultTemplate,
  paymentLinkTemplate,
  namePattern,
  maxOffsetDays,
} from './step-defaults.ts';
export { closest, didYouMean, editDistance } from './suggest.ts';
