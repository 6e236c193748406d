import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** The proxy's state directory: the flag, else `$BULWARK_HOME/mcp`, else `~/.bulwark/mcp`. */
export function resolveStateDir(flag: string | undefined, environment: NodeJS.ProcessEnv): string {
  if (flag) return flag;
  return join(environment.BULWARK_HOME || join(homedir(), '.bulwark'), 'mcp');
}

/** The HTTP bearer token: given, else read from `<state dir>/http-token`, else generated there (mode 0600). */
export function resolveHttpToken(given: string | undefined, stateDir: string): { token: string; file?: string } {
  if (given) return { token: given };
  const file = join(stateDir, 'http-token');
  if (existsSync(file)) {
    const token = readFileSync(file, 'utf8').trim();
    if (token.length >= 16) return { token, file };
  }
  mkdirSync(stateDir, { recursive: true });
  const token = randomBytes(32).toString('base64url');
  writeFileSync(file, `${token}\n`, { mode: 0o600 });
  return { token, file };
}
