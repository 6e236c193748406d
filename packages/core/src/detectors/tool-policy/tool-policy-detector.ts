import type { Detector } from '../../detector.ts';
import type { Finding } from '../../finding.ts';
import type { Policy } from '../../policy/policy-schema.ts';
import { readFlowMemory, recordFlow } from '../data-flow/flow-memory.ts';
import { checkConstraint, compileConstraints, type CompiledConstraint } from './argument-constraints.ts';
import { compileToolPolicy } from './compile-tool-policy.ts';
import { compileGlob, type ToolGlob } from './glob.ts';

/** Options of the tool-policy detector. */
export interface ToolPolicyDetectorOptions {
  /** Clock for rate limits (tests). */
  readonly now?: () => number;
}

const blockScore = 1;
const askScore = 0.7;

/**
 * Enforces the policy's tool rules on every call: deny/ask/allow lists by name and glob (deny wins), a default-deny
 * mode, forced decisions per rule, argument constraints (regex, enum, numeric bounds, length, email and URL domain
 * allowlists), per-session call limits and rate limits. Findings carry the decision the rule demands.
 */
export function createToolPolicyDetector(policy: Policy, options: ToolPolicyDetectorOptions = {}): Detector {
  const compiled = compileToolPolicy(policy);
  const tools = compiled.tools;
  const now = options.now ?? Date.now;
  const constraints = new Map<string, CompiledConstraint[]>(Object.entries(tools.rules).map(([pattern, rule]) => [pattern, compileConstraints(rule.args)]));
  const limitGlobs = new Map<string, ToolGlob>(Object.keys(tools.rules).map((pattern) => [pattern, compileGlob(pattern)]));
  return {
    meta: {
      id: 'tool-policy',
      categories: ['policy'],
      surfaces: ['tool_call'],
      description: 'Applies the tool allow/deny/ask lists, argument constraints and call limits of the policy.',
    },
    scan(input, context) {
      const { subject } = input;
      if (subject.surface !== 'tool_call') return [];
      const name = subject.tool;
      const findings: Finding[] = [];
      const block = (rule: string, message: string) => findings.push({ detector: `tool-policy/${rule}`, category: 'policy', score: blockScore, message, decision: 'block' });
      const ask = (rule: string, message: string) => findings.push({ detector: `tool-policy/${rule}`, category: 'policy', score: askScore, message, decision: 'ask' });
      const decide = (decision: 'ask' | 'block', rule: string, message: string) => (decision === 'ask' ? ask(rule, message) : block(rule, message));
      const rules = compiled.rulesFor(name);
      const explained = (fallback: string) => rules.find((entry) => entry.rule.reason)?.rule.reason ?? fallback;

      const denied = compiled.firstMatch('deny', name) ?? rules.find((entry) => entry.rule.decision === 'block')?.pattern;
      if (denied !== undefined) {
        block('denied', explained(`The tool ${name} is not permitted by policy (rule '${denied}'). Do not retry it; tell the user this action is not allowed.`));
        return findings;
      }
      const asked = compiled.firstMatch('ask', name) ?? rules.find((entry) => entry.rule.decision === 'ask')?.pattern;
      if (asked !== undefined) ask('approval-required', explained(`The tool ${name} needs the user's approval before it runs (rule '${asked}').`));
      const allowed = compiled.firstMatch('allow', name) ?? rules.find((entry) => entry.rule.decision === 'allow')?.pattern;
      if (allowed === undefined && asked === undefined && tools.default !== 'allow') {
        decide(tools.default, 'not-allowed', `The tool ${name} is not on the policy's allow list. ${tools.default === 'block' ? 'Do not call it; use an allowed tool or tell the user.' : 'Ask the user to approve it.'}`);
      }

      for (const entry of rules) {
        const problems = (constraints.get(entry.pattern) ?? []).flatMap((constraint) => checkConstraint(constraint, subject.args));
        if (problems.length > 0) {
          decide(entry.rule.onViolation, 'argument', `${name} call rejected by policy rule '${entry.pattern}': ${problems.join('; ')}. ${entry.rule.reason ?? 'Change the arguments or ask the user.'}`);
        }
      }

      const memory = readFlowMemory(context.session);
      const calls = memory?.calls ?? {};
      const time = now();
      for (const entry of rules) {
        const limit = entry.rule.limit;
        if (!limit) continue;
        const glob = limitGlobs.get(entry.pattern);
        const since = limit.windowSeconds !== undefined ? time - limit.windowSeconds * 1000 : -Infinity;
        let count = 0;
        for (const [tool, times] of Object.entries(calls)) {
          if (glob?.test(tool)) count += times.filter((at) => at > since).length;
        }
        if (count >= limit.max) {
          const window = limit.windowSeconds !== undefined ? ` in ${limit.windowSeconds} s` : ' in this session';
          decide(limit.decision, 'rate-limit', `${name} has reached its limit of ${limit.max} calls${window} (rule '${entry.pattern}'). Stop calling it and report progress to the user.`);
        }
      }
      if (tools.limits.maxCalls !== undefined && (memory?.callCount ?? 0) >= tools.limits.maxCalls) {
        block('session-limit', `This session has reached its limit of ${tools.limits.maxCalls} tool calls. Stop and report to the user.`);
      }
      return findings;
    },
    observe(input, state, outcome) {
      recordFlow(state, input, outcome, compiled, now());
    },
  };
}
