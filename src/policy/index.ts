// Policy files: YAML or JSON text to a validated Policy. Reading the file is the caller's job.
export { loadPolicy, type LoadPolicyResult, type PolicyProblem } from './load-policy.ts';
