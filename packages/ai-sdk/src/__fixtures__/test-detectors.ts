import { createGuard, createRulePackDetector, instructionOverridePack, type AuditSink, type Detector, type Guard, type PolicyInput } from '@bulwark/core';

/**
 * Stand-in for the secrets detector (landing separately): marks `sk-demo-` keys (24 alphanumerics) as `leak.secret`
 * with a span, so the engine redacts them.
 */
export const demoKeyDetector: Detector = {
  meta: { id: 'test-demo-key', categories: ['leak.secret'], surfaces: ['prompt', 'model_output', 'tool_call', 'tool_result', 'document'], description: 'demo API keys' },
  scan: ({ extracted }) =>
    [...extracted.text.matchAll(/\bsk-demo-[A-Za-z0-9]{24}\b/g)].map((match) => ({
      detector: 'test-demo-key',
      category: 'leak.secret' as const,
      score: 0.95,
      message: 'demo API key',
      entity: 'API_KEY',
      span: { start: match.index, end: match.index + match[0].length },
    })),
};

/** Stand-in for the tool policy (landing separately): a `policy` finding for every call to a listed tool. */
export function toolRuleDetector(tools: readonly string[]): Detector {
  const listed = new Set(tools);
  return {
    meta: { id: 'test-tool-rule', categories: ['policy'], surfaces: ['tool_call'], description: 'listed tools' },
    scan: ({ subject }) =>
      subject.surface === 'tool_call' && listed.has(subject.tool)
        ? [{ detector: 'test-tool-rule', category: 'policy' as const, score: 1, message: `${subject.tool} is not allowed here` }]
        : [],
  };
}

/** A demo key: `sk-demo-` and 24 alphanumerics. */
export const demoKey = 'sk-demo-Q7f2LmX9aB4cD8eF1gH5jK3n';

/**
 * A guard with a fixed detector set — instruction overrides, the demo-key stand-in and the tool rule — so redaction
 * placeholders in these adapter tests do not change when more built-in detectors land.
 */
export function testGuard(options: { deniedTools?: readonly string[]; policy?: PolicyInput; audit?: AuditSink } = {}): Guard {
  return createGuard({
    detectors: [createRulePackDetector(instructionOverridePack), demoKeyDetector, toolRuleDetector(options.deniedTools ?? [])],
    ...(options.policy ? { policy: options.policy } : {}),
    ...(options.audit ? { audit: options.audit } : {}),
  });
}
