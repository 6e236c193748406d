import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { z } from 'zod';
import type { Scenario } from './corpus.ts';
import { toolResult } from './outcome.ts';

/** A running MCP server that serves any scenario's tools over Streamable HTTP, one URL per run. */
export interface ScenarioServer {
  /** The MCP endpoint serving this scenario's tools for one run. */
  urlFor(scenario: Scenario, runId: string): string;
  /** The tool executions of one run, in order. */
  executions(runId: string): Array<{ tool: string; args: Record<string, unknown> }>;
  close(): Promise<void>;
}

/**
 * Starts a real MCP server (the SDK's `McpServer` over Streamable HTTP, on loopback) for the conformance runs. The
 * path `/mcp/<scenario id>/<run id>` selects the scenario; every call is recorded for its run before the scripted
 * result is returned. In-process HTTP keeps the suite fast: a stdio subprocess per run costs about a second.
 */
export async function startScenarioServer(scenarios: readonly Scenario[]): Promise<ScenarioServer> {
  const runs = new Map<string, { executions: Array<{ tool: string; args: Record<string, unknown> }>; callCounts: Map<string, number> }>();
  const transports = new Map<string, StreamableHTTPServerTransport>();

  function buildServer(scenario: Scenario, runId: string): McpServer {
    const server = new McpServer({ name: `conformance-${scenario.id}`, version: '1.0.0' });
    const run = runs.get(runId) ?? { executions: [], callCounts: new Map<string, number>() };
    runs.set(runId, run);
    for (const definition of scenario.tools) {
      const inputSchema = Object.fromEntries(Object.entries(definition.parameters).map(([name, description]) => [name, z.string().describe(description)]));
      server.registerTool(definition.name, { description: definition.description, inputSchema }, (args: Record<string, string>) => {
        const index = run.callCounts.get(definition.name) ?? 0;
        run.callCounts.set(definition.name, index + 1);
        run.executions.push({ tool: definition.name, args: { ...args } });
        return { content: [{ type: 'text' as const, text: toolResult(scenario, definition.name, index) }] };
      });
    }
    return server;
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const sessionId = request.headers['mcp-session-id'];
    let transport = typeof sessionId === 'string' ? transports.get(sessionId) : undefined;
    if (!transport) {
      const [, prefix, scenarioId, runId] = (request.url ?? '').split('/');
      const scenario = scenarios.find((candidate) => candidate.id === scenarioId);
      if (prefix !== 'mcp' || !scenario || !runId) {
        response.writeHead(404).end(`no scenario at ${request.url}`);
        return;
      }
      const created = new StreamableHTTPServerTransport({ sessionIdGenerator: randomUUID, onsessioninitialized: (id) => void transports.set(id, created) });
      await buildServer(scenario, runId).connect(created);
      transport = created;
    }
    await transport.handleRequest(request, response);
  }

  const http = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500);
      response.end(String(error));
    });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as AddressInfo;
  return {
    urlFor: (scenario, runId) => `http://127.0.0.1:${port}/mcp/${scenario.id}/${runId}`,
    executions: (runId) => runs.get(runId)?.executions ?? [],
    async close() {
      await Promise.all([...transports.values()].map((transport) => transport.close()));
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}
