import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createGuard, createJsonlAuditSink, createMemorySessionStore, type AuditSink, type Detector, type Guard, type SessionStore } from '@bulwark/core';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import { openPinStore, type PinStore } from '../catalog/pin-store.ts';
import { parseProxyConfig } from '../config/load-config.ts';
import { mergePolicyInput, type ProxyConfig, type ProxyConfigInput, type ServerConfig } from '../config/proxy-config.ts';
import { ProxySession } from './proxy-session.ts';
import { withToolRules } from './tool-rules.ts';
import type { ProxyContext } from './proxy-context.ts';

/** The proxy's version, reported as client and server info. */
export const proxyVersion = '0.1.0';

/** Everything a proxy is built from. */
export interface McpProxyOptions {
  /** Servers and policy (parsed, or as written in `bulwark-mcp.yaml`). */
  config: ProxyConfig | ProxyConfigInput;
  /** Where pins (and, by default, the audit log) live. */
  stateDir: string;
  /** Replaces the engine's built-in detectors. */
  detectors?: readonly Detector[];
  /** Added to the engine's detectors. */
  extraDetectors?: readonly Detector[];
  /** Audit sinks; by default JSON lines appended to `<stateDir>/audit.jsonl`. */
  audit?: AuditSink | readonly AuditSink[];
  /** Session state store shared by every server's guard (in memory by default). */
  store?: SessionStore;
  /** Diagnostics; stderr by default (stdout may be the protocol channel). */
  log?: (message: string) => void;
}

/** A guarding MCP proxy: one session per client connection, each with its own connections to the real servers. */
export interface McpProxy {
  readonly pins: PinStore;
  /** The guard for one server (its policy merged over the proxy's). */
  guardFor(server: string): Guard;
  /** Serves one client over a transport (stdio, in-memory, or one Streamable HTTP session). */
  connect(transport: Transport, sessionId?: string): Promise<ProxySession>;
  /** Starts a session without connecting it (the HTTP listener connects it to its own transport). */
  startSession(sessionId?: string): Promise<ProxySession>;
  /** Closes every session, server connection and audit sink. */
  close(): Promise<void>;
}

/** Creates a proxy. Config and policies are validated here; servers start when a client connects. */
export function createMcpProxy(options: McpProxyOptions): McpProxy {
  const config = parseProxyConfig(options.config);
  mkdirSync(options.stateDir, { recursive: true });
  const log = options.log ?? ((message: string) => process.stderr.write(`[bulwark-mcp] ${message}\n`));
  const sinks: readonly AuditSink[] =
    options.audit === undefined ? [createJsonlAuditSink(join(options.stateDir, 'audit.jsonl'))] : Array.isArray(options.audit) ? options.audit : [options.audit as AuditSink];
  const store = options.store ?? createMemorySessionStore();
  const servers: Record<string, ServerConfig> = {};
  for (const [name, server] of Object.entries(config.mcpServers)) if (!server.disabled) servers[name] = server;

  const namespace = config.namespace ?? Object.keys(servers).length > 1;
  const guards = new Map<string, Guard>();
  function guardFor(server: string): Guard {
    let guard = guards.get(server);
    if (!guard) {
      const serverConfig = servers[server];
      const policy = mergePolicyInput(config.policy, serverConfig?.policy);
      guard = createGuard({
        policy: withToolRules(policy, server, serverConfig, namespace),
        ...(options.detectors ? { detectors: options.detectors } : {}),
        ...(options.extraDetectors ? { extraDetectors: options.extraDetectors } : {}),
        store,
        audit: sinks,
        onDetectorError: (error) => log(error.message),
      });
      guards.set(server, guard);
    }
    return guard;
  }

  const pins = openPinStore(join(options.stateDir, 'pins.json'));
  const context: ProxyContext = {
    servers,
    namespace,
    unlistedTools: config.unlistedTools,
    pins,
    guardFor,
    async recordEvent(event) {
      for (const sink of sinks) await sink.write(event);
    },
    log,
    version: proxyVersion,
    reportedChanges: new Set(),
  };
  const sessions = new Set<ProxySession>();

  async function startSession(sessionId?: string): Promise<ProxySession> {
    const session = await ProxySession.start(context, sessionId ?? `mcp-${randomUUID()}`);
    sessions.add(session);
    session.onclose = () => sessions.delete(session);
    return session;
  }

  return {
    pins,
    guardFor,
    startSession,
    async connect(transport, sessionId) {
      const session = await startSession(sessionId);
      await session.connect(transport);
      return session;
    },
    async close() {
      await Promise.all([...sessions].map((session) => session.close()));
      for (const sink of sinks) await sink.close?.();
    },
  };
}
