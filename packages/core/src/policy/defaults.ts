import type { Category, Surface } from '../surface.ts';
import type { CategoryRule } from './policy-schema.ts';

/**
 * Out-of-the-box rules per category. Attacks block; leaks are redacted; evasion signals flag. Surface overrides
 * (below) tighten untrusted surfaces, where an instruction addressed to the model is the attack itself.
 */
export const defaultCategoryRules: Readonly<Record<Category, CategoryRule>> = {
  injection: { action: 'block', threshold: 0.8, flagAt: 0.5 },
  jailbreak: { action: 'block', threshold: 0.8, flagAt: 0.5 },
  'leak.secret': { action: 'redact', threshold: 0.5 },
  'leak.pii': { action: 'redact', threshold: 0.6 },
  'leak.system_prompt': { action: 'block', threshold: 0.7, flagAt: 0.4 },
  'leak.canary': { action: 'block', threshold: 0.5 },
  exfiltration: { action: 'block', threshold: 0.7, flagAt: 0.4 },
  unauthorized_action: { action: 'block', threshold: 0.7, flagAt: 0.4 },
  argument_injection: { action: 'block', threshold: 0.8, flagAt: 0.5 },
  unsafe_output: { action: 'redact', threshold: 0.7, flagAt: 0.4 },
  tool_poisoning: { action: 'block', threshold: 0.7, flagAt: 0.4 },
  tool_changed: { action: 'block', threshold: 0.5 },
  evasion: { action: 'flag', threshold: 0.5 },
  policy: { action: 'block', threshold: 0.5 },
};

/**
 * Out-of-the-box overrides per surface, applied under the policy's own rules. Personal data in tool-call arguments is
 * flagged, not rewritten: arguments carry recipients, names and addresses on purpose (`send_email({ to })`), and
 * rewriting them breaks the call; data leaving through a tool is judged by the exfiltration and data-flow detectors.
 */
export const defaultSurfaceRules: Readonly<Partial<Record<Surface, Partial<Record<Category, Partial<CategoryRule>>>>>> = {
  tool_call: { 'leak.pii': { action: 'flag' } },
};
