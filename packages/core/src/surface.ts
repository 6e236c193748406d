import { z } from 'zod';

/** Where a subject crosses an agent's trust boundary. `document` is untrusted retrieved content, scanned like a tool result. */
export const SurfaceSchema = z.enum(['prompt', 'model_output', 'tool_call', 'tool_result', 'tool_definition', 'document']);
/** Where a subject crosses an agent's trust boundary. */
export type Surface = z.infer<typeof SurfaceSchema>;
/** Every surface, in a stable order. */
export const surfaces: readonly Surface[] = SurfaceSchema.options;

/** Surfaces whose text comes from outside the user's and the developer's control. */
export const untrustedSurfaces: ReadonlySet<Surface> = new Set<Surface>(['tool_result', 'document', 'tool_definition']);

/** What a finding is about. */
export const CategorySchema = z.enum([
  'injection',
  'jailbreak',
  'leak.secret',
  'leak.pii',
  'leak.system_prompt',
  'leak.canary',
  'exfiltration',
  'unauthorized_action',
  'argument_injection',
  'unsafe_output',
  'tool_poisoning',
  'tool_changed',
  'evasion',
  'policy',
]);
/** What a finding is about. `evasion` marks obfuscation signals; `policy` marks explicit policy rules (deny lists, limits). */
export type Category = z.infer<typeof CategorySchema>;
/** Every category, in a stable order. */
export const categories: readonly Category[] = CategorySchema.options;

/** The engine's decisions, from least to most severe (`ask` stops the action until a human approves). */
export const DecisionSchema = z.enum(['allow', 'flag', 'redact', 'ask', 'block']);
/** A decision the host acts on. */
export type Decision = z.infer<typeof DecisionSchema>;

const severity: Record<Decision, number> = { allow: 0, flag: 1, redact: 2, ask: 3, block: 4 };
/** The more severe of two decisions. */
export function moreSevere(a: Decision, b: Decision): Decision {
  return severity[b] > severity[a] ? b : a;
}
