import { readFileSync } from 'node:fs';
import { DunwiseError, ErrorCode } from '../core/errors.ts';
import { compilePlain, presetNames, presets, type Policy } from '../core/policy/index.ts';
import { loadPolicy } from './load-policy.ts';

/**
 * A policy by name or file: a preset name (b2b-net30, ...), a YAML/JSON file, or a text file
 * in plain language (.txt). Every problem is reported with its place; none is skipped.
 */
export function readPolicy(source: string): Policy {
  const preset = presets[source];
  if (preset) return preset;
  if (!/\.(ya?ml|json|txt)$/i.test(source)) {
    throw new DunwiseError(ErrorCode.invalidInput, `"${source}" is neither a preset (${presetNames.join(', ')}) nor a policy file (.yaml, .json, or .txt in plain language)`);
  }
  let text: string;
  try {
    text = readFileSync(source, 'utf8');
  } catch {
    throw new DunwiseError(ErrorCode.notFound, `cannot read the policy file ${source}`);
  }
  if (/\.txt$/i.test(source)) {
    const compiled = compilePlain(text);
    if (compiled.ok) return compiled.policy;
    const lines = compiled.problems.map((p) => `  sentence ${p.index + 1} "${p.sentence}": ${p.reason}${p.suggestion ? ` (did you mean "${p.suggestion}"?)` : ''}`);
    throw new DunwiseError(ErrorCode.invalidInput, `${source}: the policy does not compile:\n${lines.join('\n')}`);
  }
  const loaded = loadPolicy(text, source);
  if (loaded.ok) return loaded.policy;
  const lines = loaded.problems.map((p) => `  ${p.file}${p.line === null ? '' : `, line ${p.line}`}, ${p.field}: ${p.reason}`);
  throw new DunwiseError(ErrorCode.invalidInput, `${source}: the policy is not valid:\n${lines.join('\n')}`);
}
