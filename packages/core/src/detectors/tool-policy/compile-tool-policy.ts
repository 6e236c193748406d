import type { Policy } from '../../policy/policy-schema.ts';
import type { ToolPolicy, ToolRule } from '../../policy/tool-policy-schema.ts';
import { compileGlob, type ToolGlob } from './glob.ts';

/** A tool rule with the glob it is keyed by. */
export interface MatchedToolRule {
  readonly pattern: string;
  readonly rule: ToolRule;
}

/** The tool policy with its globs compiled once. */
export interface CompiledToolPolicy {
  readonly tools: ToolPolicy;
  /** Every rule whose glob matches the tool, in policy order. */
  rulesFor(name: string): MatchedToolRule[];
  /** The first glob of a list that matches the tool. */
  firstMatch(list: 'allow' | 'deny' | 'ask', name: string): string | undefined;
}

/** Compiles the `tools` section of a policy (globs become matchers). */
export function compileToolPolicy(policy: Policy): CompiledToolPolicy {
  const tools = policy.tools;
  const rules = Object.entries(tools.rules).map(([pattern, rule]) => ({ glob: compileGlob(pattern), rule }));
  const lists: Record<'allow' | 'deny' | 'ask', ToolGlob[]> = {
    allow: tools.allow.map(compileGlob),
    deny: tools.deny.map(compileGlob),
    ask: tools.ask.map(compileGlob),
  };
  return {
    tools,
    rulesFor: (name) => rules.filter((entry) => entry.glob.test(name)).map((entry) => ({ pattern: entry.glob.source, rule: entry.rule })),
    firstMatch: (list, name) => lists[list].find((glob) => glob.test(name))?.source,
  };
}
