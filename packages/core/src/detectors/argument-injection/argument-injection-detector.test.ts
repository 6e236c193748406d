import { describe, expect, it } from 'vitest';
import { createGuard } from '../../engine/create-guard.ts';
import { parsePolicy } from '../../policy/load-policy.ts';
import type { PolicyInput } from '../../policy/policy-schema.ts';
import { createArgumentInjectionDetector } from './argument-injection-detector.ts';
import { argumentRules, type ArgumentExample } from './argument-rules.ts';
import { ssrfExamples } from './ssrf.ts';

async function detectorsFor(example: ArgumentExample, policy: PolicyInput = {}, tool = 'example_tool') {
  const parsed = parsePolicy(policy);
  const guard = createGuard({ policy: parsed, detectors: [createArgumentInjectionDetector(parsed)] });
  const args = typeof example === 'string' ? { input: example } : { [example.name]: example.value };
  const verdict = await guard.scan({ surface: 'tool_call', tool, args });
  return verdict.findings.map((finding) => finding.detector);
}

describe('argument injection rules (each rule with its own examples)', () => {
  for (const rule of argumentRules) {
    describe(rule.id, () => {
      it.each(rule.examples.positive.map((example) => [JSON.stringify(example), example] as const))('matches %s', async (_label, example) => {
        expect(await detectorsFor(example)).toContain(`argument-injection/${rule.id}`);
      });
      it.each(rule.examples.negative.map((example) => [JSON.stringify(example), example] as const))('does not match %s', async (_label, example) => {
        expect(await detectorsFor(example)).not.toContain(`argument-injection/${rule.id}`);
      });
    });
  }
});

describe('SSRF targets in URL arguments', () => {
  it.each(ssrfExamples.positive)('flags %s', async (url) => {
    expect((await detectorsFor({ name: 'url', value: url })).some((id) => id.startsWith('argument-injection/ssrf-'))).toBe(true);
  });
  it.each(ssrfExamples.negative)('allows %s', async (url) => {
    expect((await detectorsFor({ name: 'url', value: url })).some((id) => id.startsWith('argument-injection/ssrf-'))).toBe(false);
  });
});

describe('argument injection decisions and opt-outs', () => {
  it('blocks a call by default and points to the argument', async () => {
    const guard = createGuard();
    const verdict = await guard.scan({ surface: 'tool_call', tool: 'read_file', args: { path: '../../../etc/shadow' } });
    expect(verdict.decision).toBe('block');
    expect(verdict.reason).toContain("argument 'path' of read_file");
    expect(verdict.findings.find((finding) => finding.category === 'argument_injection')?.span).toEqual({ start: 0, end: 9 });
  });

  it('lets SQL through a query tool but not a stacked destructive statement', async () => {
    const guard = createGuard();
    expect((await guard.scan({ surface: 'tool_call', tool: 'run_query', args: { sql: "SELECT * FROM users WHERE name = 'O''Brien' OR 1=1" } })).decision).toBe('allow');
    expect((await guard.scan({ surface: 'tool_call', tool: 'run_query', args: { sql: 'SELECT 1; DROP TABLE users' } })).decision).toBe('block');
  });

  it('switches every check off for one tool', async () => {
    expect(await detectorsFor({ name: 'url', value: 'http://localhost:3000/health' }, { tools: { rules: { dev_fetch: { argumentInjection: false } } } }, 'dev_fetch')).toEqual([]);
  });

  it('switches one check off for matching tools and keeps the others', async () => {
    const policy = { tools: { rules: { 'local_*': { argumentInjection: { disable: ['ssrf' as const] } } } } };
    expect(await detectorsFor({ name: 'url', value: 'http://127.0.0.1:8080/' }, policy, 'local_fetch')).toEqual([]);
    expect(await detectorsFor({ name: 'path', value: '../../../etc/passwd' }, policy, 'local_fetch')).toContain('argument-injection/path-traversal');
    expect(await detectorsFor({ name: 'url', value: 'http://127.0.0.1:8080/' }, policy, 'remote_fetch')).toContain('argument-injection/ssrf-private-address');
  });
});
