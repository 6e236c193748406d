import { statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { temporaryStateDir } from '../e2e/helpers.ts';
import { resolveHttpToken, resolveStateDir } from './state-dir.ts';

describe('state directory and HTTP token', () => {
  it('uses the flag, else $BULWARK_HOME/mcp, else ~/.bulwark/mcp', () => {
    expect(resolveStateDir('/srv/state', { BULWARK_HOME: '/x' })).toBe('/srv/state');
    expect(resolveStateDir(undefined, { BULWARK_HOME: '/x' })).toBe('/x/mcp');
    expect(resolveStateDir(undefined, {})).toBe(join(homedir(), '.bulwark', 'mcp'));
  });

  it('generates a token into the state directory readable by the owner only, then reuses it', () => {
    const stateDir = temporaryStateDir();
    const first = resolveHttpToken(undefined, stateDir);
    expect(first.token.length).toBeGreaterThanOrEqual(32);
    expect(first.file).toBe(join(stateDir, 'http-token'));
    expect(statSync(first.file!).mode & 0o777).toBe(0o600);
    expect(resolveHttpToken(undefined, stateDir).token).toBe(first.token);
    expect(resolveHttpToken('given-token', stateDir)).toEqual({ token: 'given-token' });
  });
});
