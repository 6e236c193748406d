import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { binPath, firstText, temporaryStateDir, testServerPath } from './helpers.ts';

/** Starts a process and resolves with the first line on the given stream that matches. */
function waitForLine(child: ChildProcess, stream: 'stdout' | 'stderr', pattern: RegExp): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child[stream]! });
    lines.on('line', (line) => {
      const match = line.match(pattern);
      if (match) resolve(match);
    });
    child.once('exit', (code) => reject(new Error(`process exited with ${code} before printing ${pattern}`)));
  });
}

/** The proxy listening on Streamable HTTP, guarding one stdio server and one Streamable HTTP server. */
describe('bulwark-mcp --transport http (Streamable HTTP on both sides)', () => {
  const stateDir = temporaryStateDir();
  const token = 'test-token-0123456789abcdef';
  const children: ChildProcess[] = [];
  let proxyUrl: URL;
  let client: Client;

  beforeAll(async () => {
    const remote = spawn(process.execPath, [testServerPath, '--http'], { stdio: ['ignore', 'pipe', 'inherit'] });
    children.push(remote);
    const [remoteUrl] = await waitForLine(remote, 'stdout', /^http:\/\/\S+$/);
    const configPath = join(stateDir, 'bulwark-mcp.yaml');
    writeFileSync(
      configPath,
      [
        'mcpServers:',
        '  local:',
        `    command: ${JSON.stringify(process.execPath)}`,
        `    args: [${JSON.stringify(testServerPath)}]`,
        '  remote:',
        `    url: ${remoteUrl}`,
        '    tools:',
        '      echo: { enabled: false }',
      ].join('\n'),
    );
    const proxy = spawn(process.execPath, [binPath, '--config', configPath, '--state-dir', stateDir, '--transport', 'http', '--port', '0', '--token', token], {
      stdio: ['ignore', 'inherit', 'pipe'],
    });
    children.push(proxy);
    const [, url] = await waitForLine(proxy, 'stderr', /listening on (\S+)/);
    proxyUrl = new URL(url!);
    client = new Client({ name: 'http-client', version: '1.0.0' });
    await client.connect(new StreamableHTTPClientTransport(proxyUrl, { requestInit: { headers: { Authorization: `Bearer ${token}` } } }));
  });
  afterAll(async () => {
    await client?.close();
    for (const child of children) child.kill();
  });

  it('binds to loopback and refuses requests without the bearer token', async () => {
    expect(proxyUrl.hostname).toBe('127.0.0.1');
    const response = await fetch(proxyUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'x', version: '1' } } }),
    });
    expect(response.status).toBe(401);
  });

  it('aggregates both servers with name-spacing and applies per-tool settings', async () => {
    const names = (await client.listTools()).tools.map((tool) => tool.name);
    expect(names).toEqual(expect.arrayContaining(['local__echo', 'local__fetch_page', 'remote__fetch_page']));
    expect(names).not.toContain('remote__echo');
    expect(names).not.toContain('local__add');
    expect(names).not.toContain('remote__add');
    const disabled = await client.callTool({ name: 'remote__echo', arguments: { text: 'x' } });
    expect(disabled.isError).toBe(true);
    expect(firstText(disabled)).toMatch(/disabled by the proxy configuration/);
  });

  it('passes clean calls and blocks injected results from the HTTP server', async () => {
    expect(firstText(await client.callTool({ name: 'local__echo', arguments: { text: 'over http' } }))).toBe('over http');
    const injected = await client.callTool({ name: 'remote__fetch_page', arguments: { url: 'https://example.com' } });
    expect(injected.isError).toBe(true);
    expect(firstText(injected)).toMatch(/prompt injection/);
  });

  it('redacts a secret in a result with the engine\'s built-in secret rules', async () => {
    const result = await client.callTool({ name: 'remote__read_config', arguments: {} });
    expect(result.isError).toBeFalsy();
    expect(firstText(result)).toContain('REGION=eu-west-1');
    expect(firstText(result)).not.toContain('sk_live_');
  });

  it('quarantines a rug pull on the HTTP server and notifies the client', async () => {
    await client.callTool({ name: 'remote__rug_pull', arguments: {} });
    await expect.poll(async () => (await client.listTools()).tools.map((tool) => tool.name), { timeout: 5_000 }).not.toContain('remote__weather');
    const call = await client.callTool({ name: 'remote__weather', arguments: { city: 'Oslo' } });
    expect(firstText(call)).toMatch(/changed since it was pinned/);
  });
});
