import { randomUUID, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server as HttpServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BulwarkConfigError } from '@bulwark/core';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { isInitializeRequest } from '@modelcontextprotocol/sdk/types.js';
import type { McpProxy } from '../proxy/create-proxy.ts';
import type { ProxySession } from '../proxy/proxy-session.ts';

/** Where and how the Streamable HTTP listener serves clients. */
export interface HttpListenOptions {
  /** Loopback by default; anything else needs `allowRemote`. */
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** The MCP endpoint path; `/mcp` by default. */
  path?: string;
  /** The bearer token clients must send. Required unless `requireToken` is false. */
  token?: string;
  requireToken?: boolean;
  /** Allows a non-loopback host (put TLS and authentication in front of it). */
  allowRemote?: boolean;
  /** Largest request body accepted, in bytes (4 MiB by default). */
  maxBodyBytes?: number;
  /** Sessions without a request for this long are closed, with their server connections (30 minutes by default). */
  idleTimeoutMs?: number;
}

/** A running listener. */
export interface HttpListener {
  /** The endpoint URL, e.g. `http://127.0.0.1:8808/mcp`. */
  readonly url: URL;
  close(): Promise<void>;
}

const loopbackHosts = new Set(['127.0.0.1', '::1', 'localhost']);

/** Serves a proxy over Streamable HTTP: one proxy session per MCP session id, bearer token checked on every request. */
export async function listenHttp(proxy: McpProxy, options: HttpListenOptions = {}): Promise<HttpListener> {
  const host = options.host ?? '127.0.0.1';
  const path = options.path ?? '/mcp';
  const requireToken = options.requireToken ?? true;
  const maxBodyBytes = options.maxBodyBytes ?? 4 * 1024 * 1024;
  if (!loopbackHosts.has(host) && !options.allowRemote) {
    throw new BulwarkConfigError(`listen.host: "${host}" is not a loopback address; the proxy only binds to loopback unless remote access is allowed explicitly`);
  }
  if (requireToken && !options.token) throw new BulwarkConfigError('listen.token: a bearer token is required (or disable the token check explicitly)');
  const expected = Buffer.from(`Bearer ${options.token ?? ''}`);
  const sessions = new Map<string, { transport: StreamableHTTPServerTransport; session: ProxySession; lastSeen: number }>();
  const idleTimeoutMs = options.idleTimeoutMs ?? 30 * 60_000;
  // Clients that vanish without DELETE would otherwise keep their server subprocesses forever.
  const sweeper = setInterval(() => {
    const cutoff = Date.now() - idleTimeoutMs;
    for (const [id, entry] of sessions) {
      if (entry.lastSeen < cutoff) {
        sessions.delete(id);
        void entry.transport.close().catch(() => undefined);
        void entry.session.close();
      }
    }
  }, Math.min(idleTimeoutMs, 60_000));
  sweeper.unref();

  function authorized(request: IncomingMessage): boolean {
    if (!requireToken) return true;
    const given = Buffer.from(request.headers.authorization ?? '');
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname !== path) return sendError(response, 404, 'not found');
    if (!authorized(request)) {
      response.setHeader('WWW-Authenticate', 'Bearer');
      return sendError(response, 401, 'missing or invalid bearer token');
    }
    const sessionId = request.headers['mcp-session-id'];
    const existing = typeof sessionId === 'string' ? sessions.get(sessionId) : undefined;
    if (existing) existing.lastSeen = Date.now();
    if (existing) return existing.transport.handleRequest(request, response, request.method === 'POST' ? await readJson(request, maxBodyBytes) : undefined);
    if (request.method !== 'POST') return sendError(response, sessionId ? 404 : 400, sessionId ? 'unknown session' : 'missing session id');
    const body = await readJson(request, maxBodyBytes);
    if (typeof sessionId === 'string') return sendError(response, 404, 'unknown session');
    if (!isInitializeRequest(body)) return sendError(response, 400, 'the first request of a session must be initialize');

    const id = randomUUID();
    const session = await proxy.startSession(`http-${id}`);
    const port = (server.address() as AddressInfo).port;
    const transport = new StreamableHTTPServerTransport({
      sessionIdGenerator: () => id,
      onsessioninitialized: () => void sessions.set(id, { transport, session, lastSeen: Date.now() }),
      enableDnsRebindingProtection: !options.allowRemote,
      allowedHosts: [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`],
    });
    transport.onclose = () => {
      sessions.delete(id);
      void session.close();
    };
    await session.connect(transport);
    await transport.handleRequest(request, response, body);
  }

  const server: HttpServer = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) sendError(response, error instanceof BodyError ? error.status : 500, (error as Error).message);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const urlHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: new URL(`http://${urlHost}:${address.port}${path}`),
    async close() {
      clearInterval(sweeper);
      await Promise.all([...sessions.values()].map(({ transport }) => transport.close().catch(() => undefined)));
      sessions.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

class BodyError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

async function readJson(request: IncomingMessage, maxBytes: number): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) throw new BodyError(413, 'request body too large');
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new BodyError(400, 'request body is not valid JSON');
  }
}

function sendError(response: ServerResponse, status: number, message: string): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify({ jsonrpc: '2.0', error: { code: -32000, message }, id: null }));
}
