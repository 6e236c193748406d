import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createGuard } from '../engine/create-guard.ts';
import { loadPolicyFile } from './load-policy.ts';

// The YAML reference of packages/core/docs/tool-calls.md, loaded as users load it (`bulwark scan --policy FILE`).
const path = fileURLToPath(new URL('./__fixtures__/tool-policy.yaml', import.meta.url));

describe('a tool policy written in YAML', () => {
  it('loads and drives decisions', async () => {
    const guard = createGuard({ policy: await loadPolicyFile(path) });
    const call = (tool: string, args: Record<string, unknown> = {}) => guard.scan({ surface: 'tool_call', tool, args });
    expect((await call('shell_exec')).decision).toBe('block');
    expect((await call('transfer_funds')).decision).toBe('ask');
    expect((await call('search', { q: 'x' })).decision).toBe('allow');
    expect((await call('send_email', { to: 'a@evil.example', amount: 1, mode: 'read', path: '/srv/docs/a' })).decision).toBe('block');
    const inside = await call('send_email', { to: 'a@ourfirm.example', amount: 1, mode: 'read', path: '/srv/docs/a' });
    expect(inside.decision).toBe('ask');
    expect(inside.reason).toContain('needs a ticket');
  });
});
