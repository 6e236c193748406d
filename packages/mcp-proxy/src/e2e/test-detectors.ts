import type { Detector, Finding } from '@bulwark/core';

/**
 * Small deterministic detectors for the proxy tests, standing in for the engine's secret and data-flow detectors:
 * the proxy is what is under test here, not detection.
 */
export const testSecretDetector: Detector = {
  meta: { id: 'test-secret', categories: ['leak.secret'], surfaces: ['tool_result', 'document', 'tool_call'], description: 'API keys shaped like sk-live-…' },
  scan(input) {
    const findings: Finding[] = [];
    for (const match of input.extracted.text.matchAll(/\bsk-(?:live|test)-[A-Za-z0-9]{16,}\b/g)) {
      findings.push({
        detector: 'test-secret/api-key',
        category: 'leak.secret',
        score: 0.95,
        entity: 'API_KEY',
        message: 'an API key',
        span: { start: match.index, end: match.index + match[0].length },
      });
    }
    return findings;
  },
};

/** Blocks a call to an outbound tool after the session read content flagged as an attack. */
export const testFlowDetector: Detector = {
  meta: { id: 'test-flow', categories: ['exfiltration'], surfaces: ['tool_call'], description: 'untrusted read followed by an outbound call' },
  scan(input, context) {
    if (input.subject.surface !== 'tool_call' || !/send|email|upload|post/i.test(input.subject.tool)) return [];
    const tainted = context.session.reads.some((read) => read.suspicious);
    return tainted ? [{ detector: 'test-flow/untrusted-to-sink', category: 'exfiltration', score: 0.9, message: 'an outbound call after reading injected content' }] : [];
  },
};
