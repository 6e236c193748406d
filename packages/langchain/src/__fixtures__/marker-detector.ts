import type { Category, Detector, Surface } from '@bulwark/core';

const allSurfaces: Surface[] = ['prompt', 'model_output', 'tool_call', 'tool_result', 'tool_definition', 'document'];

/**
 * A deterministic detector for adapter tests: `EVIL` is an injection, `SECRET-<digits>` a secret (with its span, so
 * the engine can redact it). Adapter tests exercise the mapping of verdicts, not detection quality.
 */
export function markerDetector(surfaces: readonly Surface[] = allSurfaces): Detector {
  const patterns: Array<{ pattern: RegExp; category: Category; entity?: string }> = [
    { pattern: /EVIL/g, category: 'injection' },
    { pattern: /SECRET-\d+/g, category: 'leak.secret', entity: 'SECRET' },
  ];
  return {
    meta: { id: 'test-marker', categories: ['injection', 'leak.secret'], surfaces, description: 'Test markers.' },
    scan(input) {
      const text = input.extracted.text;
      return patterns.flatMap(({ pattern, category, entity }) =>
        [...text.matchAll(pattern)].map((match) => ({
          detector: 'test-marker',
          category,
          score: 1,
          message: `test marker for ${category}`,
          span: { start: match.index, end: match.index + match[0].length },
          ...(entity ? { entity } : {}),
        })),
      );
    },
  };
}
