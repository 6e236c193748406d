import type { Detector } from '@bulwark/core';

/**
 * A stand-in secrets detector for this example until Bulwark's built-in secrets detector lands: AWS-style access key
 * ids (`AKIA` + 16 upper-case letters or digits), reported as `leak.secret` with a span so the engine redacts them.
 */
export const accessKeyDetector: Detector = {
  meta: {
    id: 'example-access-key',
    categories: ['leak.secret'],
    surfaces: ['prompt', 'model_output', 'tool_call', 'tool_result', 'document'],
    description: 'AWS-style access key ids',
  },
  scan: ({ extracted }) =>
    [...extracted.text.matchAll(/\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g)].map((match) => ({
      detector: 'example-access-key',
      category: 'leak.secret' as const,
      score: 0.95,
      message: 'AWS-style access key id',
      entity: 'AWS_ACCESS_KEY',
      span: { start: match.index, end: match.index + match[0].length },
    })),
};
