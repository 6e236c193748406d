import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { createMcpProxy, type McpProxy } from '../proxy/create-proxy.ts';

const echoServer = resolve(fileURLToPath(import.meta.url), '../echo-server.ts');
const binPath = resolve(fileURLToPath(import.meta.url), '../../bin/bulwark-mcp.ts');

/** Three ways to call the same stdio server's `echo` tool: directly, through the proxy in-process, through `bulwark-mcp` over stdio. */
export interface LatencyRig {
  /** Client → stdio server. */
  direct(): Promise<unknown>;
  /** Client → proxy (in memory, default guard, JSONL audit) → stdio server. */
  inProcess(): Promise<unknown>;
  /** The same in-process proxy with no detectors and no audit: the cost of the MCP plumbing alone. */
  inProcessBare(): Promise<unknown>;
  /** Client → `bulwark-mcp` subprocess (stdio) → stdio server: what an IDE sees. */
  subprocess(): Promise<unknown>;
  close(): Promise<void>;
}

/** Starts the servers and clients of a tools/call latency measurement; `text` is the argument echoed back (and scanned twice through the proxy). */
export async function createLatencyRig(text: string): Promise<LatencyRig> {
  const stateDir = mkdtempSync(join(tmpdir(), 'bulwark-mcp-bench-'));
  const server = { command: process.execPath, args: [echoServer] };

  const direct = new Client({ name: 'bench-direct', version: '1.0.0' });
  await direct.connect(new StdioClientTransport(server));

  const proxy: McpProxy = createMcpProxy({ config: { mcpServers: { echo: server } }, stateDir: join(stateDir, 'in-process'), log: () => undefined });
  const inProcess = await connectInMemory(proxy);
  const bareProxy = createMcpProxy({ config: { mcpServers: { echo: server } }, stateDir: join(stateDir, 'bare'), detectors: [], audit: [], log: () => undefined });
  const inProcessBare = await connectInMemory(bareProxy);

  const configPath = join(stateDir, 'bulwark-mcp.yaml');
  writeFileSync(configPath, JSON.stringify({ mcpServers: { echo: server } }));
  const subprocess = new Client({ name: 'bench-subprocess', version: '1.0.0' });
  await subprocess.connect(
    new StdioClientTransport({ command: process.execPath, args: [binPath, '--config', configPath, '--state-dir', join(stateDir, 'subprocess'), '--quiet'] }),
  );

  const call = (client: Client) => async () => {
    const result = await client.callTool({ name: 'echo', arguments: { text } });
    if (result.isError) throw new Error(`echo failed: ${JSON.stringify(result.content)}`);
    return result;
  };
  return {
    direct: call(direct),
    inProcess: call(inProcess),
    inProcessBare: call(inProcessBare),
    subprocess: call(subprocess),
    async close() {
      await Promise.all([direct.close(), inProcess.close(), inProcessBare.close(), subprocess.close()]);
      await Promise.all([proxy.close(), bareProxy.close()]);
      rmSync(stateDir, { recursive: true, force: true });
    },
  };
}

async function connectInMemory(proxy: McpProxy): Promise<Client> {
  const [clientSide, proxySide] = InMemoryTransport.createLinkedPair();
  await proxy.connect(proxySide);
  const client = new Client({ name: 'bench-in-process', version: '1.0.0' });
  await client.connect(clientSide);
  return client;
}
