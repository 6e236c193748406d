import { describe, expect, it } from 'vitest';
import { createGuard } from '../engine/create-guard.ts';
import type { SubjectInput } from '../subject.ts';

/**
 * Hostile input must cost linear time: runs of one character are where regular expressions with ambiguous
 * quantifiers (`\n\s*`, `\s*\)?\s*`, `(\s+)+`) backtrack quadratically or worse. Each case scans 50 KB on every surface
 * through every built-in detector but the classifier; the timeout is a hang guard, not a speed goal (bench measures speed).
 */
const runs: Record<string, string> = {
  newlines: '\n'.repeat(50_000),
  'blank lines with indentation': '\n  '.repeat(16_000),
  spaces: ' '.repeat(50_000),
  'quote then spaces': `'${' '.repeat(50_000)}`,
  'union then spaces': `union${' '.repeat(50_000)}`,
  'sentence ends': '. '.repeat(25_000),
  'sentence ends on new lines': '.\n'.repeat(25_000),
  'colons': ': '.repeat(25_000),
  'exclamations then as': '! as '.repeat(10_000),
  pipes: '|'.repeat(50_000),
  'at signs': 'a@'.repeat(25_000),
  'orders ending in colons': 'Add it: '.repeat(7_000),
  'quoted words': '"a b c d '.repeat(6_000),
};

function subjectsOf(text: string): SubjectInput[] {
  return [
    { surface: 'tool_result', tool: 'fetch', text },
    { surface: 'prompt', text },
    { surface: 'model_output', text },
    { surface: 'tool_call', tool: 'send', args: { body: text } },
    { surface: 'tool_definition', tool: { name: 'tool', description: text } },
  ];
}

describe('hostile input', () => {
  const guard = createGuard({ classifier: false });
  it.each(Object.entries(runs))('scans 50 KB of %s on every surface without a hang', async (_name, text) => {
    for (const subject of subjectsOf(text)) {
      const verdict = await guard.scan(subject);
      expect(verdict.errors).toEqual([]);
    }
  }, 5_000);
});
