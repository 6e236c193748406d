import type { SessionRef, Verdict } from '@bulwark/core';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import type { UpstreamConnection } from '../upstream/upstream-connection.ts';
import { exposedName } from './names.ts';
import { proxyAuditEvent, type ProxyContext } from './proxy-context.ts';
import { safeScanner } from './safe-scan.ts';

/** Whether a listed tool reaches the client. Only `allowed` tools are listed and callable. */
export type ToolState = 'allowed' | 'quarantined' | 'poisoned' | 'disabled';

/** One tool as the proxy knows it in a session. */
export interface CatalogEntry {
  /** The name the client sees (namespaced when configured). */
  readonly name: string;
  readonly server: string;
  /** The definition as the server sent it. */
  readonly tool: Tool;
  readonly state: ToolState;
  /** Why the tool is not allowed, written for the model. */
  readonly reason?: string;
}

/** What one server contributes to a session: its tools, and its instructions if they may reach the client. */
export interface ServerCatalog {
  readonly entries: CatalogEntry[];
  /** The server's instructions, unless they changed since pinned or were blocked. */
  readonly instructions?: string;
}

const maxPages = 100;

/** Every tool a server lists (all pages). */
export async function listAllTools(client: Client, signal?: AbortSignal): Promise<Tool[]> {
  const tools: Tool[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < maxPages; page++) {
    const result = await client.listTools(cursor ? { cursor } : undefined, signal ? { signal } : undefined);
    tools.push(...result.tools);
    cursor = result.nextCursor;
    if (!cursor) break;
  }
  return tools;
}

/**
 * Reviews one server's catalog: compares it with the pins (pinning on first use), then scans each pinned tool's
 * definition with the server's guard as a `tool_definition` subject (verdicts are cached per definition, per session).
 */
export async function reviewServerCatalog(
  context: ProxyContext,
  session: SessionRef,
  upstream: UpstreamConnection,
  verdictCache: Map<string, Verdict>,
  signal?: AbortSignal,
): Promise<ServerCatalog> {
  const server = upstream.name;
  const config = context.servers[server];
  const tools = upstream.capabilities.tools ? await listAllTools(upstream.client(), signal) : [];
  const review = context.pins.review(server, { instructions: upstream.instructions, tools });
  const guard = context.guardFor(server);
  const scan = safeScanner(context, guard, session);
  const entries: CatalogEntry[] = [];
  for (const tool of tools) {
    const name = exposedName(server, tool.name, context.namespace);
    const pin = review.tools.get(tool.name);
    if (config?.tools[tool.name]?.enabled === false) {
      entries.push({ name, server, tool, state: 'disabled', reason: `Blocked by Bulwark: the tool "${name}" is disabled by the proxy configuration.` });
      continue;
    }
    if (pin && pin.status !== 'pinned') {
      const what = pin.status === 'new' ? 'is new since the catalog was pinned' : `changed since it was pinned (${pin.changed.join(', ')})`;
      const reason = `Blocked by Bulwark: the tool "${name}" ${what} and is quarantined until approved (bulwark-mcp approve ${server} ${tool.name}).`;
      entries.push({ name, server, tool, state: 'quarantined', reason });
      const key = `${server}\u0000${tool.name}\u0000${pin.hash}`;
      if (!context.reportedChanges.has(key)) {
        context.reportedChanges.add(key);
        context.log(`quarantined ${server}/${tool.name}: ${what}`);
        const event = proxyAuditEvent({ sessionId: session.id, surface: 'tool_definition', tool: name, decision: 'block', category: 'tool_changed', detector: 'bulwark-mcp/pin', message: `tool ${what}` });
        await context.recordEvent(guard.policy.mode === 'shadow' ? { ...event, decision: 'allow', shadowDecision: 'block' } : event);
      }
      continue;
    }
    const cacheKey = `${server}\u0000${pin?.hash ?? tool.name}`;
    let verdict = verdictCache.get(cacheKey);
    if (!verdict) {
      verdict = await scan({ surface: 'tool_definition', server, tool: { ...definitionSubject(tool), name } });
      verdictCache.set(cacheKey, verdict);
    }
    if (verdict.decision === 'block' || verdict.decision === 'ask') entries.push({ name, server, tool, state: 'poisoned', reason: verdict.reason });
    else entries.push({ name, server, tool, state: 'allowed' });
  }

  let instructions = review.instructions === 'pinned' ? upstream.instructions : undefined;
  if (review.instructions === 'changed') {
    const key = `${server}\u0000(instructions)\u0000${upstream.instructions ?? ''}`;
    if (!context.reportedChanges.has(key)) {
      context.reportedChanges.add(key);
      context.log(`withholding the instructions of ${server}: they changed since pinned`);
      await context.recordEvent(
        proxyAuditEvent({ sessionId: session.id, surface: 'document', decision: 'block', category: 'tool_changed', detector: 'bulwark-mcp/pin', message: `server ${server} instructions changed since pinned` }),
      );
    }
  }
  if (instructions) {
    const verdict = await scan({ surface: 'document', source: `mcp:${server}/instructions`, text: instructions });
    if (verdict.decision === 'block' || verdict.decision === 'ask') instructions = undefined;
    else if (verdict.decision === 'redact' && verdict.redacted) instructions = verdict.redacted.text;
  }
  return instructions === undefined ? { entries } : { entries, instructions };
}

function definitionSubject(tool: Tool) {
  return {
    name: tool.name,
    ...(tool.title ? { title: tool.title } : {}),
    description: tool.description ?? '',
    inputSchema: tool.inputSchema as Record<string, unknown>,
    ...(tool.outputSchema ? { outputSchema: tool.outputSchema as Record<string, unknown> } : {}),
    ...(tool.annotations ? { annotations: tool.annotations as Record<string, unknown> } : {}),
  };
}
