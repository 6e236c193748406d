import type { Finding } from '../finding.ts';
import type { Category, Decision, Surface } from '../surface.ts';

const categoryLabels: Record<Category, string> = {
  injection: 'a prompt injection',
  jailbreak: 'a jailbreak attempt',
  'leak.secret': 'a secret',
  'leak.pii': 'personal data',
  'leak.system_prompt': 'the system prompt',
  'leak.canary': 'a canary token',
  exfiltration: 'a data exfiltration attempt',
  unauthorized_action: 'an action the user did not ask for',
  argument_injection: 'an injection in tool arguments',
  unsafe_output: 'unsafe output markup',
  tool_poisoning: 'a poisoned tool definition',
  tool_changed: 'a tool definition that changed since it was pinned',
  evasion: 'obfuscated text',
  policy: 'a policy rule',
};

const surfaceLabels: Record<Surface, string> = {
  prompt: 'the prompt',
  model_output: 'the model output',
  tool_call: 'the tool call',
  tool_result: 'the tool result',
  tool_definition: 'the tool definition',
  document: 'the document',
};

/** A one-sentence reason for a verdict, readable by a model so an agent can recover. */
export function describeVerdict(decision: Decision, surface: Surface, triggered: readonly Category[], findings: readonly Finding[]): string {
  if (decision === 'allow') return 'Allowed.';
  const first = triggered[0];
  const what = first ? categoryLabels[first] : 'a risk';
  const top = findings
    .filter((finding) => finding.category === first)
    .sort((a, b) => b.score - a.score)[0];
  const detail = top ? ` (${top.message})` : '';
  const verb = { flag: 'Flagged', redact: 'Redacted', ask: 'Needs human approval', block: 'Blocked' }[decision];
  return `${verb} by Bulwark: ${surfaceLabels[surface]} contains ${what}${detail}.`;
}
