import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PolicyInput } from '@bulwark/core';
import { createMcpProxy } from '@bulwark/mcp-proxy';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import type { Scenario } from './corpus.ts';
import type { ScenarioServer } from './mcp-scenario-server.ts';
import { leafStrings, newRunRecord, type RunRecord } from './outcome.ts';

/**
 * Plays a scenario through `@bulwark/mcp-proxy`: a real MCP server serves the scenario's tools, the proxy (built-in
 * detectors, the given policy, a fresh state directory) guards it, and a real MCP `Client` connected to the proxy in
 * memory plays the host, feeding the scripted model what the proxy lets through. The proxy guards tool definitions,
 * calls and results only: the user's prompt and the model's answers never cross it, so they pass unguarded here.
 */
export async function runWithMcpProxy(scenario: Scenario, policy: PolicyInput, server: ScenarioServer): Promise<RunRecord> {
  const stateDir = mkdtempSync(join(tmpdir(), 'bulwark-conformance-'));
  const runId = randomUUID();
  const proxy = createMcpProxy({
    config: { mcpServers: { [scenario.id]: { url: server.urlFor(scenario, runId) } }, policy },
    stateDir,
    audit: [],
    log: () => undefined,
  });
  const [clientSide, proxySide] = InMemoryTransport.createLinkedPair();
  const client = new Client({ name: 'conformance-host', version: '1.0.0' });
  const record = newRunRecord();
  try {
    await proxy.connect(proxySide);
    await client.connect(clientSide);
    const { tools } = await client.listTools();
    const definitions = tools.flatMap((tool) => leafStrings([tool.name, tool.description ?? '', tool.inputSchema]));
    const context: string[] = [scenario.user];
    for (const turn of scenario.turns) {
      record.modelInputs.push([...definitions, ...context]);
      if (turn.text !== undefined) {
        record.userSaw.push(turn.text);
        record.answer = turn.text;
        context.push(turn.text);
      }
      if (!turn.calls || turn.calls.length === 0) break;
      for (const call of turn.calls) {
        context.push(JSON.stringify(call));
        const result = await client.callTool({ name: call.tool, arguments: { ...call.args } });
        context.push(...leafStrings(result.content));
      }
    }
  } finally {
    await client.close();
    await proxy.close();
    rmSync(stateDir, { recursive: true, force: true });
  }
  record.toolRuns.push(...server.executions(runId));
  return record;
}
