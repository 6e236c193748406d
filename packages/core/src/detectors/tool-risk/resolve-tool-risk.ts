import type { ToolLabel } from '../../policy/tool-policy-schema.ts';
import type { CompiledToolPolicy } from '../tool-policy/compile-tool-policy.ts';
import { inferToolRisk, type ToolRisk } from './infer-tool-risk.ts';

/**
 * The risk of a tool in a session: labels from the policy win; otherwise what was inferred from the tool's definition
 * when the session saw one (MCP annotations, description, schema); otherwise an inference from the name and the
 * argument names of the call.
 */
export function resolveToolRisk(
  compiled: CompiledToolPolicy,
  known: Readonly<Record<string, ToolRisk>> | undefined,
  name: string,
  args?: Readonly<Record<string, unknown>>,
): ToolRisk {
  const inferred = known?.[name] ?? inferToolRisk({ name }, args ? Object.keys(args) : []);
  const labelled = compiled.rulesFor(name).filter((entry) => entry.rule.labels !== undefined);
  if (labelled.length === 0) return inferred;
  const labels = new Set<ToolLabel>();
  for (const entry of labelled) for (const label of entry.rule.labels ?? []) labels.add(label);
  return {
    tool: name,
    action: inferred.action,
    ...(inferred.baseAction ? { baseAction: inferred.baseAction } : {}),
    labels: [...labels],
    source: 'policy',
    reasons: [`labels ${[...labels].join(', ') || '(none)'} from policy rule '${labelled.map((entry) => entry.pattern).join("', '")}'`, ...inferred.reasons.filter((reason) => reason.includes('→ ' + inferred.action))],
  };
}

/** A short, readable explanation of a tool's risk, for finding messages. */
export function explainRisk(risk: ToolRisk): string {
  const labels = risk.labels.length > 0 ? risk.labels.join(', ') : 'no risk labels';
  return `${risk.tool}: ${risk.action}, ${labels} (${risk.source}: ${risk.reasons.slice(0, 3).join('; ')})`;
}
