import { describe, expect, it } from 'vitest';
import { createGuard } from '../../engine/create-guard.ts';
import { parsePolicy } from '../../policy/load-policy.ts';
import type { PolicyInput } from '../../policy/policy-schema.ts';
import { testSessions, type SessionStep } from '../../testing/session-cases.ts';
import { createToolPolicyDetector } from './tool-policy-detector.ts';

const call = (tool: string, args: Record<string, unknown>, expect: SessionStep['expect'], detectors?: string[]): SessionStep => ({
  surface: 'tool_call',
  tool,
  args,
  ...(expect ? { expect } : {}),
  ...(detectors ? { detectors } : {}),
});
const only = (policy: PolicyInput) => [createToolPolicyDetector(parsePolicy(policy))];

testSessions('tool policy: names and globs', [
  { name: 'deny by name', policy: { tools: { deny: ['delete_repo'] } }, detectors: only, steps: [call('delete_repo', {}, 'block', ['tool-policy/denied']), call('list_repos', {}, 'allow')] },
  { name: 'deny by glob', policy: { tools: { deny: ['github.delete_*'] } }, detectors: only, steps: [call('github.delete_branch', {}, 'block'), call('github.create_branch', {}, 'allow')] },
  { name: 'deny wins over allow and rules', policy: { tools: { allow: ['*'], deny: ['shell_*'], rules: { shell_exec: { decision: 'allow' } } } }, detectors: only, steps: [call('shell_exec', {}, 'block', ['tool-policy/denied'])] },
  { name: 'default-deny blocks unlisted tools', policy: { tools: { default: 'block', allow: ['search_*', 'read_file'] } }, detectors: only, steps: [call('read_file', {}, 'allow'), call('search_web', {}, 'allow'), call('send_email', {}, 'block', ['tool-policy/not-allowed'])] },
  { name: 'default ask sends unlisted tools for approval', policy: { tools: { default: 'ask', allow: ['read_*'] } }, detectors: only, steps: [call('read_file', {}, 'allow'), call('write_file', {}, 'ask')] },
  { name: 'ask list', policy: { tools: { ask: ['transfer_*'] } }, detectors: only, steps: [call('transfer_funds', {}, 'ask', ['tool-policy/approval-required'])] },
  { name: 'rule decision ask', policy: { tools: { rules: { 'send_*': { decision: 'ask' } } } }, detectors: only, steps: [call('send_email', {}, 'ask'), call('search', {}, 'allow')] },
  { name: 'rule decision block', policy: { tools: { rules: { drop_table: { decision: 'block', reason: 'Schema changes go through migrations.' } } } }, detectors: only, steps: [call('drop_table', {}, 'block')] },
]);

testSessions('tool policy: argument constraints', [
  { name: 'regex', policy: { tools: { rules: { read_file: { args: { path: { pattern: '^/srv/docs/' } } } } } }, detectors: only, steps: [call('read_file', { path: '/srv/docs/a.md' }, 'allow'), call('read_file', { path: '/etc/passwd' }, 'block', ['tool-policy/argument'])] },
  { name: 'enum', policy: { tools: { rules: { set_mode: { args: { mode: { enum: ['read', 'write'] } } } } } }, detectors: only, steps: [call('set_mode', { mode: 'read' }, 'allow'), call('set_mode', { mode: 'admin' }, 'block')] },
  { name: 'numeric bounds (numbers and numeric text)', policy: { tools: { rules: { refund: { args: { amount: { min: 0, max: 100 } } } } } }, detectors: only, steps: [call('refund', { amount: 40 }, 'allow'), call('refund', { amount: '1,500' }, 'block'), call('refund', { amount: -5 }, 'block'), call('refund', { amount: 'lots' }, 'block')] },
  { name: 'maxLength', policy: { tools: { rules: { post: { args: { text: { maxLength: 10 } } } } } }, detectors: only, steps: [call('post', { text: 'short' }, 'allow'), call('post', { text: 'far too long a message' }, 'block')] },
  { name: 'email domain allowlist (arrays checked element by element)', policy: { tools: { rules: { send_email: { args: { to: { domains: ['example.com'] } } } } } }, detectors: only, steps: [call('send_email', { to: ['a@example.com', 'b@eu.example.com'] }, 'allow'), call('send_email', { to: ['a@example.com', 'x@evil.example'] }, 'block')] },
  { name: 'URL domain allowlist', policy: { tools: { rules: { fetch: { args: { url: { domains: ['*.github.com'] } } } } } }, detectors: only, steps: [call('fetch', { url: 'https://api.github.com/repos' }, 'allow'), call('fetch', { url: 'https://github.com.evil.example/' }, 'block')] },
  { name: 'required and nested paths', policy: { tools: { rules: { create_user: { args: { 'profile.role': { required: true, enum: ['viewer', 'editor'] } } } } } }, detectors: only, steps: [call('create_user', { profile: { role: 'viewer' } }, 'allow'), call('create_user', { profile: {} }, 'block'), call('create_user', { profile: { role: 'owner' } }, 'block')] },
  { name: 'onViolation ask', policy: { tools: { rules: { pay: { args: { amount: { max: 100 } }, onViolation: 'ask' } } } }, detectors: only, steps: [call('pay', { amount: 50 }, 'allow'), call('pay', { amount: 500 }, 'ask')] },
]);

testSessions('tool policy: counters and limits', [
  { name: 'per-session limit for a glob', policy: { tools: { rules: { 'send_*': { limit: { max: 2 } } } } }, detectors: only, steps: [call('send_email', {}, 'allow'), call('send_sms', {}, 'allow'), call('send_email', {}, 'block', ['tool-policy/rate-limit'])] },
  { name: 'limit beyond which a human approves', policy: { tools: { rules: { search: { limit: { max: 1, decision: 'ask' } } } } }, detectors: only, steps: [call('search', {}, 'allow'), call('search', {}, 'ask')] },
  { name: 'blocked calls do not count', policy: { tools: { rules: { pay: { limit: { max: 1 }, args: { amount: { max: 10 } } } } } }, detectors: only, steps: [call('pay', { amount: 99 }, 'block'), call('pay', { amount: 5 }, 'allow'), call('pay', { amount: 5 }, 'block')] },
  { name: 'session-wide maximum', policy: { tools: { limits: { maxCalls: 2 } } }, detectors: only, steps: [call('a', {}, 'allow'), call('b', {}, 'allow'), call('c', {}, 'block', ['tool-policy/session-limit'])] },
]);

describe('tool policy: rate limits over a time window', () => {
  it('allows again once the window has passed', async () => {
    let now = 1_000_000;
    const policy = parsePolicy({ tools: { rules: { fetch: { limit: { max: 2, windowSeconds: 60 } } } } });
    const guard = createGuard({ policy, detectors: [createToolPolicyDetector(policy, { now: () => now })] });
    const fetch = () => guard.scan({ surface: 'tool_call', tool: 'fetch', args: {} }, 'window');
    expect((await fetch()).decision).toBe('allow');
    now += 10_000;
    expect((await fetch()).decision).toBe('allow');
    now += 10_000;
    expect((await fetch()).decision).toBe('block');
    now += 45_000;
    expect((await fetch()).decision).toBe('allow');
  });

  it('writes its reason for the model, naming the rule and what to do', async () => {
    const guard = createGuard({ policy: { tools: { deny: ['wire_*'], rules: { 'wire_*': { reason: 'Wires need the finance team; tell the user to file a request.' } } } } });
    const verdict = await guard.scan({ surface: 'tool_call', tool: 'wire_money', args: {} });
    expect(verdict.decision).toBe('block');
    expect(verdict.reason).toContain('Wires need the finance team');
  });

  it('shadow mode records the decision without enforcing it', async () => {
    const guard = createGuard({ policy: { mode: 'shadow', tools: { ask: ['pay'] } } });
    const verdict = await guard.scan({ surface: 'tool_call', tool: 'pay', args: {} });
    expect(verdict).toMatchObject({ decision: 'allow', shadowDecision: 'ask' });
  });
});

describe('decisions demanded by findings', () => {
  it('an explicit ask replaces the category threshold; a threshold block still wins over it', async () => {
    const { evaluatePolicy } = await import('../../policy/evaluate-policy.ts');
    const policy = parsePolicy({});
    expect(evaluatePolicy([{ detector: 'x', category: 'policy', score: 0.7, message: 'm', decision: 'ask' }], policy, 'tool_call').decision).toBe('ask');
    expect(
      evaluatePolicy(
        [
          { detector: 'x', category: 'policy', score: 0.7, message: 'm', decision: 'ask' },
          { detector: 'y', category: 'policy', score: 0.9, message: 'm' },
        ],
        policy,
        'tool_call',
      ).decision,
    ).toBe('block');
    expect(evaluatePolicy([{ detector: 'x', category: 'unauthorized_action', score: 0.2, message: 'm', decision: 'block' }], policy, 'tool_call').decision).toBe('block');
  });
});
