import { describe, expect, it } from 'vitest';
import type { Detector } from '../detector.ts';
import { createMemoryAuditSink } from '../audit/audit.ts';
import { createGuard } from './create-guard.ts';

/** Marks every `TOKEN-` followed by 8 letters as a secret. */
const tokenDetector: Detector = {
  meta: { id: 'test-token', categories: ['leak.secret'], surfaces: ['model_output'], description: 'test token' },
  scan: ({ extracted }) =>
    [...extracted.text.matchAll(/TOKEN-[A-Z]{8}/g)].map((match) => ({
      detector: 'test-token',
      category: 'leak.secret' as const,
      score: 0.9,
      message: 'test token',
      span: { start: match.index, end: match.index + match[0].length },
    })),
};

describe('guard.scan options and redaction spans', () => {
  it('a provisional scan (record: false) leaves the session and the audit log untouched', async () => {
    const audit = createMemoryAuditSink();
    const guard = createGuard({ extraDetectors: [tokenDetector], audit });
    await guard.scan({ surface: 'prompt', text: 'hello' }, 's1');
    const before = structuredClone(await guard.session('s1'));
    const verdict = await guard.scan({ surface: 'model_output', text: 'x TOKEN-ABCDEFGH' }, { id: 's1', systemPrompt: 'new', canaries: ['CANARY-1'] }, { record: false });
    expect(verdict.decision).toBe('redact');
    expect(await guard.session('s1')).toEqual(before);
    expect(audit.events).toHaveLength(1);
  });

  it('a redact verdict lists the rewritten spans with their replacements', async () => {
    const guard = createGuard({ extraDetectors: [tokenDetector] });
    const text = 'a TOKEN-ABCDEFGH b TOKEN-QWERTYUI';
    const verdict = await guard.scan({ surface: 'model_output', text });
    const spans = verdict.redacted?.spans ?? [];
    expect(spans.map((span) => text.slice(span.start, span.end))).toEqual(['TOKEN-ABCDEFGH', 'TOKEN-QWERTYUI']);
    let rebuilt = '';
    let cursor = 0;
    for (const span of spans) {
      rebuilt += text.slice(cursor, span.start) + span.replacement;
      cursor = span.end;
    }
    expect(rebuilt + text.slice(cursor)).toBe(verdict.redacted?.text);
  });
});
