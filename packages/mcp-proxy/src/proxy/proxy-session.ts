import { BulwarkError, type SessionRef, type Verdict } from '@bulwark/core';
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import {
  CallToolRequestSchema,
  CompleteRequestSchema,
  ErrorCode,
  GetPromptRequestSchema,
  ListPromptsRequestSchema,
  ListResourcesRequestSchema,
  ListResourceTemplatesRequestSchema,
  ListToolsRequestSchema,
  McpError,
  ReadResourceRequestSchema,
  ResultSchema,
  RootsListChangedNotificationSchema,
  SetLevelRequestSchema,
  SubscribeRequestSchema,
  UnsubscribeRequestSchema,
  type CallToolResult,
  type Notification,
  type Prompt,
  type RequestId,
  type Resource,
  type ResourceTemplate,
  type ServerCapabilities,
  type Tool,
} from '@modelcontextprotocol/sdk/types.js';
import { UpstreamConnection, type ServerToClientRequest } from '../upstream/upstream-connection.ts';
import { exposedName } from './names.ts';
import { proxyAuditEvent, type ProxyContext } from './proxy-context.ts';
import { safeScanner, type ScanSubject } from './safe-scan.ts';
import { scanPromptMessages, scanResourceContents, scanSamplingRequest, scanToolResult } from './scan-content.ts';
import { reviewServerCatalog, type CatalogEntry } from './tool-catalog.ts';

const maxPages = 100;

/** The client side of one request: the cancellation signal, and a way to send progress back. */
interface ClientRequestExtra {
  readonly signal: AbortSignal;
  readonly requestId: RequestId;
  readonly _meta?: { progressToken?: string | number } | undefined;
  sendNotification(notification: { method: 'notifications/progress'; params: Record<string, unknown> }): Promise<void>;
}

/**
 * One client connection through the proxy: an MCP `Server` facing the client, and one connection to each real
 * server behind it. Tools, resources, prompts, completions and logging go through; requests from servers
 * (sampling, elicitation, roots) reach the client; list_changed flows both ways.
 */
export class ProxySession {
  readonly id: string;
  readonly server: Server;
  /** Called once, when the session closes (client gone, or `close()`). */
  onclose?: () => void;
  readonly #context: ProxyContext;
  readonly #upstreams: Map<string, UpstreamConnection>;
  readonly #sessionRef: SessionRef;
  readonly #definitionVerdicts = new Map<string, Verdict>();
  #catalog = new Map<string, CatalogEntry>();
  #serverEntries = new Map<string, CatalogEntry[]>();
  #catalogStale = true;
  #pinRevision = -1;
  #catalogBuild: Promise<Map<string, CatalogEntry>> | undefined;
  #resourceOwners = new Map<string, string>();
  #templateOwners = new Map<string, string>();
  #promptOwners = new Map<string, { server: string; name: string }>();
  #closed = false;

  private constructor(id: string, context: ProxyContext, upstreams: Map<string, UpstreamConnection>, instructions: string | undefined) {
    this.id = id;
    this.#context = context;
    this.#upstreams = upstreams;
    this.#sessionRef = { id };
    this.server = new Server(
      { name: 'bulwark-mcp', version: context.version },
      { capabilities: this.#capabilities(), ...(instructions ? { instructions } : {}) },
    );
    this.#registerHandlers();
  }

  /** Starts one connection per server, reviews their catalogs (pinning on first use), and builds the client-facing server. */
  static async start(context: ProxyContext, id: string): Promise<ProxySession> {
    const upstreams = new Map<string, UpstreamConnection>();
    let session: ProxySession | undefined;
    for (const [name, config] of Object.entries(context.servers)) {
      upstreams.set(
        name,
        new UpstreamConnection(
          name,
          config,
          {
            onNotification: (server, notification) => (session ? session.#onServerNotification(server, notification) : undefined),
            onServerRequest: (server, request, signal) => {
              if (!session) throw new McpError(ErrorCode.InternalError, 'the proxy session is not ready');
              return session.#onServerRequest(server, request, signal);
            },
            onRestarted: (server) => (session ? session.#onServerRestarted(server) : undefined),
            log: context.log,
          },
          context.version,
        ),
      );
    }
    try {
      await Promise.all(
        [...upstreams.values()].map((upstream) =>
          upstream.start().catch((error: unknown) => {
            throw new BulwarkError(`cannot start MCP server "${upstream.name}": ${(error as Error).message}`, { cause: error });
          }),
        ),
      );
    } catch (error) {
      await Promise.all([...upstreams.values()].map((upstream) => upstream.close()));
      throw error;
    }
    // The first review pins the catalogs on first use and decides which server instructions may reach the client.
    const sessionRef = { id };
    const instructions: string[] = [];
    const verdicts = new Map<string, Verdict>();
    const entries = new Map<string, CatalogEntry[]>();
    let reviewFailed = false;
    for (const upstream of upstreams.values()) {
      try {
        const reviewed = await reviewServerCatalog(context, sessionRef, upstream, verdicts);
        entries.set(upstream.name, reviewed.entries);
        if (reviewed.instructions) instructions.push(upstreams.size > 1 ? `## ${upstream.name}\n${reviewed.instructions}` : reviewed.instructions);
      } catch (error) {
        // Reviewed again on the first tools/list; until then the server's tools are unknown, hence refused.
        reviewFailed = true;
        context.log(`cannot review the catalog of ${upstream.name}: ${(error as Error).message}`);
      }
    }
    session = new ProxySession(id, context, upstreams, instructions.length > 0 ? instructions.join('\n\n') : undefined);
    for (const [key, verdict] of verdicts) session.#definitionVerdicts.set(key, verdict);
    session.#serverEntries = entries;
    session.#catalog = session.#indexCatalog();
    session.#catalogStale = reviewFailed;
    session.#pinRevision = context.pins.revision();
    return session;
  }

  /** Connects the client-facing side to a transport (stdio, Streamable HTTP, in-memory). */
  async connect(transport: Transport): Promise<void> {
    this.server.onclose = () => void this.close();
    await this.server.connect(transport);
  }

  /** Closes the client side and every server connection. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.onclose?.();
    await Promise.all([...this.#upstreams.values()].map((upstream) => upstream.close()));
    await this.server.close().catch(() => undefined);
  }

  #capabilities(): ServerCapabilities {
    const all = [...this.#upstreams.values()].map((upstream) => upstream.capabilities);
    const capabilities: ServerCapabilities = { tools: { listChanged: true } };
    if (all.some((each) => each.resources)) {
      capabilities.resources = { listChanged: true, ...(all.some((each) => each.resources?.subscribe) ? { subscribe: true } : {}) };
    }
    if (all.some((each) => each.prompts)) capabilities.prompts = { listChanged: true };
    if (all.some((each) => each.logging)) capabilities.logging = {};
    if (all.some((each) => each.completions)) capabilities.completions = {};
    return capabilities;
  }

  /** Scans subjects with a server's guard in this session, applying the fail mode when a scan throws. */
  #scanner(server: string): ScanSubject {
    return safeScanner(this.#context, this.#context.guardFor(server), this.#sessionRef);
  }

  #withCapability(capability: keyof ServerCapabilities): UpstreamConnection[] {
    return [...this.#upstreams.values()].filter((upstream) => upstream.up && upstream.capabilities[capability]);
  }

  #upstream(server: string): UpstreamConnection {
    const upstream = this.#upstreams.get(server);
    if (!upstream) throw new McpError(ErrorCode.InvalidParams, `unknown server "${server}"`);
    return upstream;
  }

  #indexCatalog(): Map<string, CatalogEntry> {
    const catalog = new Map<string, CatalogEntry>();
    for (const entries of this.#serverEntries.values()) {
      for (const entry of entries) {
        if (catalog.has(entry.name)) this.#context.log(`tool name "${entry.name}" is offered by several servers; using ${catalog.get(entry.name)?.server} (set namespace: true)`);
        else catalog.set(entry.name, entry);
      }
    }
    return catalog;
  }

  /** The session's tool catalog, rebuilt after list_changed or a restart. A server that is down keeps its last entries. */
  async #toolCatalog(): Promise<Map<string, CatalogEntry>> {
    // Approvals written by `bulwark-mcp approve` (another process) change the pin file: review again.
    if (!this.#catalogStale && this.#context.pins.revision() === this.#pinRevision) return this.#catalog;
    this.#catalogBuild ??= (async () => {
      try {
        this.#catalogStale = false;
        for (const upstream of this.#upstreams.values()) {
          if (!upstream.up) continue;
          try {
            // Shared by concurrent requests, so not tied to the cancellation of any one of them.
            const reviewed = await reviewServerCatalog(this.#context, this.#sessionRef, upstream, this.#definitionVerdicts);
            this.#serverEntries.set(upstream.name, reviewed.entries);
          } catch (error) {
            this.#catalogStale = true;
            this.#context.log(`cannot list the tools of ${upstream.name}: ${(error as Error).message}`);
          }
        }
        this.#catalog = this.#indexCatalog();
        this.#pinRevision = this.#context.pins.revision();
        return this.#catalog;
      } finally {
        this.#catalogBuild = undefined;
      }
    })();
    return this.#catalogBuild;
  }

  #registerHandlers(): void {
    const server = this.server;
    server.setRequestHandler(ListToolsRequestSchema, async (_request, extra) => {
      const catalog = await this.#toolCatalog();
      const tools: Tool[] = [];
      for (const entry of catalog.values()) if (this.#usable(entry)) tools.push({ ...entry.tool, name: entry.name });
      return { tools };
    });
    server.setRequestHandler(CallToolRequestSchema, (request, extra) => this.#callTool(request.params, extra));
    // The SDK refuses handlers for capabilities the proxy does not advertise: register only what some server offers.
    const capabilities = this.#capabilities();
    if (capabilities.resources) this.#registerResourceHandlers();
    if (capabilities.prompts) this.#registerPromptHandlers();
    if (capabilities.completions) this.#registerCompletionHandler();
    if (capabilities.logging) {
      server.setRequestHandler(SetLevelRequestSchema, async (request, extra) => {
        await Promise.all(this.#withCapability('logging').map((upstream) => upstream.client().setLoggingLevel(request.params.level, { signal: extra.signal })));
        return {};
      });
    }
    server.setNotificationHandler(RootsListChangedNotificationSchema, async () => {
      for (const upstream of this.#upstreams.values()) if (upstream.up) await upstream.client().sendRootsListChanged().catch(() => undefined);
    });
    // Methods the proxy does not inspect go through unchanged when there is a single server to send them to.
    server.fallbackRequestHandler = async (request, extra) => {
      const only = this.#upstreams.size === 1 ? [...this.#upstreams.values()][0] : undefined;
      if (!only) throw new McpError(ErrorCode.MethodNotFound, `method ${request.method} is not supported by this proxy`);
      return only.client().request({ method: request.method, ...(request.params ? { params: request.params } : {}) }, ResultSchema, { signal: extra.signal });
    };
  }

  #registerResourceHandlers(): void {
    const server = this.server;

    server.setRequestHandler(ListResourcesRequestSchema, async (_request, extra) => {
      const resources: Resource[] = [];
      for (const upstream of this.#withCapability('resources')) {
        for (const resource of await this.#listAll<Resource>(upstream, 'resources', (client, cursor) => client.listResources(cursor, { signal: extra.signal }))) {
          this.#resourceOwners.set(resource.uri, upstream.name);
          resources.push(resource);
        }
      }
      return { resources };
    });
    server.setRequestHandler(ListResourceTemplatesRequestSchema, async (_request, extra) => {
      const resourceTemplates: ResourceTemplate[] = [];
      for (const upstream of this.#withCapability('resources')) {
        const templates = await this.#listAll<ResourceTemplate>(upstream, 'resourceTemplates', (client, cursor) => client.listResourceTemplates(cursor, { signal: extra.signal }));
        for (const template of templates) {
          this.#templateOwners.set(template.uriTemplate, upstream.name);
          resourceTemplates.push(template);
        }
      }
      return { resourceTemplates };
    });
    server.setRequestHandler(ReadResourceRequestSchema, async (request, extra) => {
      const upstream = this.#resourceOwner(request.params.uri);
      const result = await upstream.client().readResource(request.params, { signal: extra.signal });
      const scanned = await scanResourceContents(this.#scanner(upstream.name), result);
      return scanned.result;
    });
    server.setRequestHandler(SubscribeRequestSchema, (request, extra) => this.#resourceOwner(request.params.uri).client().subscribeResource(request.params, { signal: extra.signal }));
    server.setRequestHandler(UnsubscribeRequestSchema, (request, extra) =>
      this.#resourceOwner(request.params.uri).client().unsubscribeResource(request.params, { signal: extra.signal }),
    );
  }

  #registerPromptHandlers(): void {
    const server = this.server;
    server.setRequestHandler(ListPromptsRequestSchema, async (_request, extra) => {
      const prompts: Prompt[] = [];
      for (const upstream of this.#withCapability('prompts')) {
        for (const prompt of await this.#listAll<Prompt>(upstream, 'prompts', (client, cursor) => client.listPrompts(cursor, { signal: extra.signal }))) {
          const name = exposedName(upstream.name, prompt.name, this.#context.namespace);
          this.#promptOwners.set(name, { server: upstream.name, name: prompt.name });
          prompts.push({ ...prompt, name });
        }
      }
      return { prompts };
    });
    server.setRequestHandler(GetPromptRequestSchema, async (request, extra) => {
      const owner = this.#promptOwner(request.params.name);
      const upstream = this.#upstream(owner.server);
      const result = await upstream.client().getPrompt({ ...request.params, name: owner.name }, { signal: extra.signal });
      return (await scanPromptMessages(this.#scanner(upstream.name), request.params.name, result)).result;
    });
  }

  #registerCompletionHandler(): void {
    this.server.setRequestHandler(CompleteRequestSchema, async (request, extra) => {
      const ref = request.params.ref;
      if (ref.type === 'ref/prompt') {
        const owner = this.#promptOwner(ref.name);
        return this.#upstream(owner.server).client().complete({ ...request.params, ref: { ...ref, name: owner.name } }, { signal: extra.signal });
      }
      const server = this.#templateOwners.get(ref.uri) ?? this.#resourceOwners.get(ref.uri) ?? this.#withCapability('completions')[0]?.name;
      if (!server) throw new McpError(ErrorCode.InvalidParams, `no server completes ${ref.uri}`);
      return this.#upstream(server).client().complete(request.params, { signal: extra.signal });
    });
  }

  async #listAll<T>(
    upstream: UpstreamConnection,
    key: 'resources' | 'resourceTemplates' | 'prompts',
    list: (client: ReturnType<UpstreamConnection['client']>, params: { cursor: string } | undefined) => Promise<Record<string, unknown> & { nextCursor?: string }>,
  ): Promise<T[]> {
    const items: T[] = [];
    let cursor: string | undefined;
    try {
      for (let page = 0; page < maxPages; page++) {
        const result = await list(upstream.client(), cursor ? { cursor } : undefined);
        items.push(...((result[key] as T[] | undefined) ?? []));
        cursor = result.nextCursor;
        if (!cursor) break;
      }
    } catch (error) {
      // One failing server must not hide what the others offer.
      this.#context.log(`cannot list ${key} of ${upstream.name}: ${(error as Error).message}`);
    }
    return items;
  }

  #resourceOwner(uri: string): UpstreamConnection {
    const owner = this.#resourceOwners.get(uri);
    if (owner) return this.#upstream(owner);
    const candidates = this.#withCapability('resources');
    // Resources read through a template were never listed: with one resource server there is no ambiguity.
    const template = [...this.#templateOwners.entries()].find(([pattern]) => uri.startsWith(pattern.split('{')[0] ?? pattern));
    if (template) return this.#upstream(template[1]);
    const first = candidates[0];
    if (!first) throw new McpError(ErrorCode.InvalidParams, `no server offers resource ${uri}`);
    return first;
  }

  #promptOwner(name: string): { server: string; name: string } {
    const known = this.#promptOwners.get(name);
    if (known) return known;
    if (!this.#context.namespace) {
      const first = this.#withCapability('prompts')[0];
      if (first) return { server: first.name, name };
    } else {
      for (const upstream of this.#upstreams.values()) {
        const prefix = exposedName(upstream.name, '', true);
        if (name.startsWith(prefix)) return { server: upstream.name, name: name.slice(prefix.length) };
      }
    }
    throw new McpError(ErrorCode.InvalidParams, `unknown prompt "${name}"`);
  }

  /** A `tools/call`: catalog gate (quarantine, poisoned, disabled, unlisted), the engine's tool policy, the call, the result scan. */
  async #callTool(params: { name: string; arguments?: Record<string, unknown> | undefined; _meta?: Record<string, unknown> | undefined }, extra: ClientRequestExtra): Promise<CallToolResult> {
    const name = params.name;
    let catalog = await this.#toolCatalog();
    let entry = catalog.get(name);
    if (!entry) {
      // A tool the session has not seen yet: the server may have added it since the last list.
      this.#catalogStale = true;
      catalog = await this.#toolCatalog();
      entry = catalog.get(name);
    }
    if (entry && entry.state !== 'allowed') {
      const category = entry.state === 'quarantined' ? 'tool_changed' : entry.state === 'poisoned' ? 'tool_poisoning' : 'policy';
      if (!this.#usable(entry)) {
        await this.#audit('tool_call', name, category, entry.reason ?? 'tool not allowed');
        return denied(entry.reason ?? `Blocked by Bulwark: the tool "${name}" is not allowed.`);
      }
      await this.#audit('tool_call', name, category, `shadow mode: ${entry.reason ?? 'tool not allowed'}`, 'allow', 'block');
    }
    const target = entry ? { server: entry.server, tool: entry.tool.name } : this.#unlistedTarget(name);
    if (!target || (!entry && this.#context.unlistedTools === 'deny')) {
      const reason = `Blocked by Bulwark: the tool "${name}" is not in the reviewed tool catalog.`;
      await this.#audit('tool_call', name, 'policy', 'call to a tool that was not listed');
      return denied(reason);
    }

    const scan = this.#scanner(target.server);
    const verdict = await scan({ surface: 'tool_call', tool: name, args: params.arguments ?? {} });
    if (verdict.decision === 'block') return denied(verdict.reason);
    if (verdict.decision === 'ask' && !(await this.#askUser(name, verdict.reason, extra.signal))) return denied(verdict.reason);
    const args = verdict.decision === 'redact' && verdict.redacted?.args ? verdict.redacted.args : params.arguments;

    const upstream = this.#upstream(target.server);
    const progressToken = extra._meta?.progressToken;
    let result: CallToolResult;
    try {
      result = (await upstream.client().callTool(
        { name: target.tool, ...(args ? { arguments: args } : {}), ...(params._meta ? { _meta: params._meta } : {}) },
        undefined,
        {
          signal: extra.signal,
          ...(progressToken !== undefined
            ? { onprogress: (progress) => void extra.sendNotification({ method: 'notifications/progress', params: { ...progress, progressToken } }).catch(() => undefined) }
            : {}),
        },
      )) as CallToolResult;
    } catch (error) {
      if (extra.signal.aborted) throw error;
      await this.#audit('tool_call', name, 'policy', `call failed: ${(error as Error).message}`, 'flag');
      return denied(`The tool "${name}" failed: ${(error as Error).message}`);
    }
    return (await scanToolResult(scan, name, result)).result;
  }

  /**
   * A verdict of `ask` needs a person: when the client supports elicitation, the user is asked to allow the call.
   * Without elicitation (or when the user declines) the call is refused with the verdict's reason.
   */
  async #askUser(tool: string, reason: string, signal: AbortSignal): Promise<boolean> {
    if (!this.server.getClientCapabilities()?.elicitation) return false;
    try {
      const answer = await this.server.elicitInput(
        {
          message: `Bulwark asks for your approval before the tool "${tool}" runs. ${reason}`,
          requestedSchema: { type: 'object', properties: { allow: { type: 'boolean', title: `Allow this call to ${tool}`, default: false } }, required: ['allow'] },
        },
        { signal },
      );
      const allowed = answer.action === 'accept' && answer.content?.allow === true;
      await this.#audit('tool_call', tool, 'policy', `human approval: ${allowed ? 'allowed' : answer.action === 'accept' ? 'refused' : answer.action}`, allowed ? 'allow' : 'block');
      return allowed;
    } catch (error) {
      this.#context.log(`cannot ask for approval of ${tool}: ${(error as Error).message}`);
      return false;
    }
  }

  /** Allowed tools are usable; in shadow mode quarantined ones are too (the quarantine is only recorded). */
  #usable(entry: CatalogEntry): boolean {
    return entry.state === 'allowed' || (entry.state === 'quarantined' && this.#context.guardFor(entry.server).policy.mode === 'shadow');
  }

  #unlistedTarget(name: string): { server: string; tool: string } | undefined {
    if (!this.#context.namespace) {
      const first = [...this.#upstreams.keys()][0];
      return first ? { server: first, tool: name } : undefined;
    }
    for (const server of this.#upstreams.keys()) {
      const prefix = exposedName(server, '', true);
      if (name.startsWith(prefix)) return { server, tool: name.slice(prefix.length) };
    }
    return undefined;
  }

  async #audit(surface: 'tool_call', tool: string, category: 'tool_changed' | 'tool_poisoning' | 'policy', message: string, decision: 'block' | 'flag' | 'allow' = 'block', shadowDecision?: 'block'): Promise<void> {
    const event = proxyAuditEvent({ sessionId: this.id, surface, tool, decision, category, detector: 'bulwark-mcp/catalog', message });
    await this.#context.recordEvent(shadowDecision ? { ...event, shadowDecision } : event);
  }

  async #onServerNotification(server: string, notification: Notification): Promise<void> {
    try {
      switch (notification.method) {
        case 'notifications/tools/list_changed':
          // Review the new catalog now, so a rug pull is quarantined (and audited) before the client re-lists.
          this.#catalogStale = true;
          await this.#toolCatalog();
          await this.server.sendToolListChanged();
          return;
        case 'notifications/resources/list_changed':
          await this.server.sendResourceListChanged();
          return;
        case 'notifications/prompts/list_changed':
          await this.server.sendPromptListChanged();
          return;
        default:
          await this.server.notification(notification as Parameters<Server['notification']>[0]);
      }
    } catch (error) {
      this.#context.log(`cannot forward ${notification.method} from ${server}: ${(error as Error).message}`);
    }
  }

  async #onServerRequest(server: string, request: ServerToClientRequest, signal: AbortSignal): Promise<Record<string, unknown>> {
    switch (request.method) {
      case 'roots/list':
        // A client without roots has none to give; an empty list lets the server keep its own configuration.
        if (!this.server.getClientCapabilities()?.roots) return { roots: [] };
        return this.server.listRoots(request.params, { signal });
      case 'sampling/createMessage': {
        // A server writes these messages for the client's model: untrusted text, scanned like a document.
        const scanned = await scanSamplingRequest(this.#scanner(server), server, request.params);
        if (scanned.decision === 'block') throw new McpError(ErrorCode.InvalidRequest, scanned.reason ?? 'Blocked by Bulwark.');
        return this.server.createMessage(scanned.result, { signal });
      }
      case 'elicitation/create':
        return this.server.elicitInput(request.params, { signal });
      default:
        throw new McpError(ErrorCode.MethodNotFound, `${server}: unsupported request`);
    }
  }

  async #onServerRestarted(server: string): Promise<void> {
    this.#catalogStale = true;
    this.#resourceOwners.clear();
    this.#templateOwners.clear();
    await this.#onServerNotification(server, { method: 'notifications/tools/list_changed' });
  }
}

function denied(reason: string): CallToolResult {
  return { content: [{ type: 'text', text: reason }], isError: true };
}
