import { LineCounter, parseDocument } from 'yaml';
import type { core } from 'zod';
import { finalizeSteps } from '../core/policy/finalize.ts';
import { didYouMean } from '../core/policy/suggest.ts';
import type { Policy } from '../core/policy/types.ts';
import { knownKeys, policySchema } from './schema.ts';
import { fromDocument } from './to-policy.ts';
import { fieldPath, lineOf } from './yaml-locate.ts';

/** One thing wrong with a policy file: where (1-based line, field path) and why. */
export type PolicyProblem = {
  readonly file: string;
  readonly line: number | null;
  readonly field: string;
  readonly reason: string;
};

/** The result of loading a policy file. */
export type LoadPolicyResult =
  { ok: true; policy: Policy } | { ok: false; problems: PolicyProblem[] };

function issueReason(issue: core.$ZodIssue, received: unknown): string {
  if (issue.code === 'invalid_value' && issue.values.every((v) => typeof v === 'string')) {
    const allowed = issue.values.map(String);
    const hint = typeof received === 'string' ? didYouMean(received, allowed) : '';
    return `${JSON.stringify(received)} is not one of ${allowed.join(', ')}${hint}`;
  }
  if (issue.code === 'invalid_type' && received === undefined) return 'this field is required';
  return issue.message;
}

/**
 * Reads a policy from YAML or JSON text (JSON is YAML). `fileName` only labels problems.
 * Every problem found is reported, each with its line and field; nothing is half-loaded.
 */
export function loadPolicy(text: string, fileName: string): LoadPolicyResult {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.map((e) => ({
        file: fileName,
        line: counter.linePos(e.pos[0]).line,
        field: '',
        reason: e.message.split('\n')[0] ?? e.message,
      })),
    };
  }
  const problems: PolicyProblem[] = [];
  const at = (path: readonly PropertyKey[], reason: string, key?: string): void => {
    const full = key === undefined ? path : [...path, key];
    problems.push({
      file: fileName,
      line: lineOf(doc, counter, path, key),
      field: fieldPath(full),
      reason,
    });
  };
  const parsed = policySchema.safeParse(doc.toJS());
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys)
          at(issue.path, `unknown field "${key}"${didYouMean(key, knownKeys(issue.path))}`, key);
      } else {
        at(issue.path, issueReason(issue, doc.getIn(issue.path as unknown[])));
      }
    }
    return { ok: false, problems };
  }
  const { drafts, settings, problems: found } = fromDocument(parsed.data);
  for (const p of found) at(p.path, p.reason);
  const { steps, problems: stepProblems } = finalizeSteps(drafts);
  for (const p of stepProblems) {
    const fieldParts = p.field
      .split(/[[\].]/)
      .filter((s) => s !== '')
      .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
    at(['steps', p.index, ...fieldParts], p.reason);
  }
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    policy: { id: parsed.data.id, name: parsed.data.name ?? parsed.data.id, steps, settings },
  };
}
