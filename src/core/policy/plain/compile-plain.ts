import { finalizeSteps, type StepDraft } from '../finalize.ts';
import { closest, nearest } from '../suggest.ts';
import { defaultPolicySettings, type Policy } from '../types.ts';
import { examplePhrases, plainVocabulary } from './examples.ts';
import { germanToEnglish } from './german.ts';
import { splitSentences, type Sentence } from './sentences.ts';
import { parseSetting, type PlainDraft } from './settings-sentence.ts';
import { parseBody, stepFromBody } from './step-sentence.ts';
import { parseWhen } from './when.ts';

/** One sentence that did not compile: the sentence, its 0-based index, why, and a phrase to try. */
export type PlainProblem = {
  readonly sentence: string;
  readonly index: number;
  readonly reason: string;
  readonly suggestion: string | null;
};

/** Options of `compilePlain`: the id and name used when the text has no `Policy "id"` sentence. */
export type PlainOptions = {
  readonly id?: string;
  readonly name?: string;
  readonly language?: 'en' | 'de';
};

type SentenceResult =
  | { kind: 'step'; draft: StepDraft }
  | { kind: 'setting'; key: string; apply: (d: PlainDraft) => void };

function compileSentence(text: string): SentenceResult | string {
  const setting = parseSetting(text);
  if (setting !== null) return 'error' in setting ? setting.error : { kind: 'setting', ...setting };
  const when = parseWhen(text);
  if (when === null) {
    return /^(?:\d|on |at |when |day |an? |one |two |three )/i.test(text)
      ? 'could not read when this step happens ("3 days before due", "14 days overdue", "on day 30")'
      : 'neither a step ("3 days before due: friendly email") nor a setting';
  }
  if ('error' in when) return when.error;
  const body = parseBody(text, when.bodyStart);
  if ('reason' in body) return body.reason;
  const draft = stepFromBody(when, body);
  return 'reason' in draft ? draft.reason : { kind: 'step', draft };
}

/** The sentence with each unknown word replaced by its nearest known word, when that compiles. */
function suggestFor(text: string): string {
  const corrected = text.replace(/[A-Za-z][A-Za-z'-]*/g, (w) => {
    if (w.length < 3 || plainVocabulary.includes(w.toLowerCase())) return w;
    const hit = closest(w, plainVocabulary) ?? w;
    return /^[A-Z]/.test(w) ? hit.charAt(0).toUpperCase() + hit.slice(1) : hit;
  });
  if (corrected !== text && typeof compileSentence(corrected) !== 'string') return corrected;
  return nearest(text, examplePhrases) ?? (examplePhrases[0] as string);
}

/**
 * Compiles a plain-language policy (English, or German with language 'de' or when German is
 * detected) to a Policy. Every sentence must be understood: one that is not is a problem
 * naming it, with a suggestion; nothing is dropped silently.
 */
export function compilePlain(
  text: string,
  options: PlainOptions = {},
): { ok: true; policy: Policy } | { ok: false; problems: PlainProblem[] } {
  const draft: PlainDraft = {
    id: options.id ?? 'custom',
    name: options.name ?? 'Custom policy',
    settings: { ...defaultPolicySettings },
  };
  const problems: PlainProblem[] = [];
  const steps: { draft: StepDraft; sentence: Sentence }[] = [];
  const settingsSeen = new Set<string>();
  for (const sentence of splitSentences(text)) {
    const english = germanToEnglish(sentence.text, options.language);
    const result = compileSentence(english);
    const problem = (reason: string, suggestion: string | null): void => {
      problems.push({ sentence: sentence.text, index: sentence.index, reason, suggestion });
    };
    if (typeof result === 'string') problem(result, suggestFor(english));
    else if (result.kind === 'step') steps.push({ draft: result.draft, sentence });
    else if (settingsSeen.has(result.key)) problem('this setting was already stated', null);
    else {
      settingsSeen.add(result.key);
      result.apply(draft);
    }
  }
  const { steps: finished, problems: stepProblems } = finalizeSteps(steps.map((s) => s.draft));
  for (const p of stepProblems) {
    const sentence = steps[p.index]?.sentence;
    if (sentence)
      problems.push({
        sentence: sentence.text,
        index: sentence.index,
        reason: p.reason,
        suggestion: null,
      });
  }
  if (steps.length === 0 && problems.length === 0) {
    problems.push({
      sentence: '',
      index: 0,
      reason: 'the policy has no steps',
      suggestion: examplePhrases[0] ?? null,
    });
  }
  if (problems.length > 0)
    return { ok: false, problems: problems.sort((a, b) => a.index - b.index) };
  return {
    ok: true,
    policy: { id: draft.id, name: draft.name, steps: finished, settings: draft.settings },
  };
}
