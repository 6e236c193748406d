import type { Detector } from '../../detector.ts';
import type { Finding } from '../../finding.ts';
import type { Policy } from '../../policy/policy-schema.ts';
import type { ArgumentCheck } from '../../policy/tool-policy-schema.ts';
import { compileToolPolicy } from '../tool-policy/compile-tool-policy.ts';
import { argumentRules, shellArgumentName, sqlArgumentName, type ArgumentRule } from './argument-rules.ts';
import { ssrfTargets } from './ssrf.ts';

const maxEvidence = 80;

/**
 * Argument injection: SQL injection, shell command injection, path traversal and SSRF (private, link-local and
 * metadata addresses, local-file schemes) in tool-call arguments. Values of arguments that hold SQL or shell code by
 * design are only checked for the destructive forms. Tools can opt out per check in the policy
 * (`tools.rules[tool].argumentInjection`).
 */
export function createArgumentInjectionDetector(policy: Policy, rules: readonly ArgumentRule[] = argumentRules): Detector {
  const compiled = compileToolPolicy(policy);
  return {
    meta: {
      id: 'argument-injection',
      categories: ['argument_injection'],
      surfaces: ['tool_call'],
      description: 'Finds SQL injection, shell command injection, path traversal and SSRF targets in tool-call arguments.',
    },
    scan(input) {
      const { subject } = input;
      if (subject.surface !== 'tool_call') return [];
      const disabled = new Set<ArgumentCheck>();
      for (const entry of compiled.rulesFor(subject.tool)) {
        const setting = entry.rule.argumentInjection;
        if (setting === false) return [];
        for (const check of setting?.disable ?? []) disabled.add(check);
      }
      const findings: Finding[] = [];
      const reported = new Set<string>();
      for (const segment of input.extracted.segments) {
        const value = input.extracted.text.slice(segment.start, segment.end);
        const name = [...segment.path].reverse().find((part): part is string => typeof part === 'string') ?? '';
        const argument = segment.path.slice(1).join('.');
        const isCode = sqlArgumentName.test(name) || shellArgumentName.test(name);
        for (const rule of rules) {
          if (disabled.has(rule.check) || reported.has(rule.id)) continue;
          if ((rule.scope === 'plain' && isCode) || (rule.scope === 'code' && !isCode)) continue;
          const match = rule.pattern.exec(value);
          if (!match) continue;
          reported.add(rule.id);
          findings.push({
            detector: `argument-injection/${rule.id}`,
            category: 'argument_injection',
            score: rule.score,
            message: `argument '${argument}' of ${subject.tool} ${rule.description}. Use a plain value; do not pass text taken from untrusted content into ${rule.check.toUpperCase()} or file arguments.`,
            span: { start: segment.start + match.index, end: segment.start + match.index + match[0].length },
            evidence: match[0].slice(0, maxEvidence),
          });
        }
        if (!disabled.has('ssrf')) {
          for (const hit of ssrfTargets(value)) {
            if (reported.has(hit.id)) continue;
            reported.add(hit.id);
            findings.push({
              detector: `argument-injection/${hit.id}`,
              category: 'argument_injection',
              score: hit.score,
              message: `argument '${argument}' of ${subject.tool} ${hit.reason} (server-side request forgery). Only public addresses the user gave may be fetched.`,
              span: { start: segment.start, end: segment.end },
            });
          }
        }
      }
      return findings;
    },
  };
}
