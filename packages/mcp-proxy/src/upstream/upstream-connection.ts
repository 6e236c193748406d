import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import {
  CreateMessageRequestSchema,
  ElicitRequestSchema,
  ErrorCode,
  ListRootsRequestSchema,
  McpError,
  type ClientCapabilities,
  type CreateMessageRequest,
  type ElicitRequest,
  type ListRootsRequest,
  type Notification,
  type ServerCapabilities,
} from '@modelcontextprotocol/sdk/types.js';
import type { ServerConfig } from '../config/proxy-config.ts';
import { createUpstreamTransport } from './upstream-transport.ts';

/** Requests a server sends to the client, forwarded through the proxy. */
export type ServerToClientRequest = CreateMessageRequest | ElicitRequest | ListRootsRequest;

/** What an upstream connection tells the proxy session it belongs to. */
export interface UpstreamEvents {
  /** Any notification from the server (list_changed, resources/updated, logging…). */
  onNotification(server: string, notification: Notification): void | Promise<void>;
  /** A request from the server for the client (sampling, elicitation, roots). */
  onServerRequest(server: string, request: ServerToClientRequest, signal: AbortSignal): Promise<Record<string, unknown>>;
  /** The server came back after a crash. */
  onRestarted(server: string): void | Promise<void>;
  log(message: string): void;
}

/** What the proxy offers servers as a client: requests it can forward to the real client. */
const proxyClientCapabilities: ClientCapabilities = {
  roots: { listChanged: true },
  sampling: {},
  elicitation: { form: {}, url: {} },
};

const firstRestartDelayMs = 200;
const maxRestartDelayMs = 5_000;

/** One connection from the proxy to one real MCP server; restarts it when it dies. */
export class UpstreamConnection {
  readonly name: string;
  readonly config: ServerConfig;
  readonly #events: UpstreamEvents;
  readonly #version: string;
  #client: Client | undefined;
  #state: 'idle' | 'up' | 'down' | 'closed' = 'idle';
  #restartDelayMs = firstRestartDelayMs;
  #restartTimer: NodeJS.Timeout | undefined;
  #capabilities: ServerCapabilities = {};
  #instructions: string | undefined;

  constructor(name: string, config: ServerConfig, events: UpstreamEvents, version: string) {
    this.name = name;
    this.config = config;
    this.#events = events;
    this.#version = version;
  }

  /** Connects for the first time; throws when the server cannot be started. */
  async start(): Promise<void> {
    await this.#connect();
  }

  /** Whether the server is connected right now. */
  get up(): boolean {
    return this.#state === 'up';
  }

  /** The server's capabilities, from its last successful initialization. */
  get capabilities(): ServerCapabilities {
    return this.#capabilities;
  }

  /** The server's instructions, from its last successful initialization. */
  get instructions(): string | undefined {
    return this.#instructions;
  }

  /** The connected client; throws an MCP error while the server is down or restarting. */
  client(): Client {
    if (this.#state !== 'up' || !this.#client) {
      throw new McpError(ErrorCode.InternalError, `MCP server "${this.name}" is not running (${this.#state === 'closed' ? 'closed' : 'restarting'})`);
    }
    return this.#client;
  }

  /** Closes the connection for good (no restart). */
  async close(): Promise<void> {
    this.#state = 'closed';
    clearTimeout(this.#restartTimer);
    await this.#client?.close().catch(() => undefined);
  }

  async #connect(): Promise<void> {
    const client = new Client({ name: 'bulwark-mcp', version: this.#version }, { capabilities: proxyClientCapabilities });
    client.fallbackNotificationHandler = async (notification) => {
      if (this.#client === client) await this.#events.onNotification(this.name, notification);
    };
    client.setRequestHandler(CreateMessageRequestSchema, (request, extra) => this.#events.onServerRequest(this.name, request, extra.signal) as never);
    client.setRequestHandler(ElicitRequestSchema, (request, extra) => this.#events.onServerRequest(this.name, request, extra.signal) as never);
    client.setRequestHandler(ListRootsRequestSchema, (request, extra) => this.#events.onServerRequest(this.name, request, extra.signal) as never);
    client.onclose = () => {
      if (this.#client !== client || this.#state !== 'up') return;
      this.#state = 'down';
      this.#events.log(`server "${this.name}" exited; restarting in ${this.#restartDelayMs} ms`);
      this.#scheduleRestart();
    };
    const transport = createUpstreamTransport(this.config, (line) => this.#events.log(`[${this.name}] ${line}`));
    await client.connect(transport);
    if (this.#state === 'closed') {
      await client.close();
      return;
    }
    this.#client = client;
    this.#capabilities = client.getServerCapabilities() ?? {};
    this.#instructions = client.getInstructions();
    this.#state = 'up';
  }

  #scheduleRestart(): void {
    clearTimeout(this.#restartTimer);
    this.#restartTimer = setTimeout(async () => {
      if (this.#state === 'closed') return;
      try {
        await this.#connect();
        this.#restartDelayMs = firstRestartDelayMs;
        this.#events.log(`server "${this.name}" restarted`);
        await this.#events.onRestarted(this.name);
      } catch (error) {
        this.#restartDelayMs = Math.min(this.#restartDelayMs * 2, maxRestartDelayMs);
        this.#events.log(`server "${this.name}" failed to restart (${(error as Error).message}); retrying in ${this.#restartDelayMs} ms`);
        this.#scheduleRestart();
      }
    }, this.#restartDelayMs);
  }
}
