import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The test server fixture, run with the local Node. */
export const testServerPath = resolve(fileURLToPath(import.meta.url), '../../__fixtures__/test-server.ts');

/** The `bulwark-mcp` entry point. */
export const binPath = resolve(fileURLToPath(import.meta.url), '../../bin/bulwark-mcp.ts');

/** A stdio server entry for the test server. */
export function testServerConfig(extra: Record<string, unknown> = {}) {
  return { command: process.execPath, args: [testServerPath], ...extra };
}

/** A fresh state directory. */
export function temporaryStateDir(): string {
  return mkdtempSync(join(tmpdir(), 'bulwark-mcp-'));
}

/** The text of the first content part of a tool result. */
export function firstText(result: Record<string, unknown>): string {
  const content = result.content as Array<{ type: string; text?: string }> | undefined;
  return content?.find((part) => part.type === 'text')?.text ?? '';
}
