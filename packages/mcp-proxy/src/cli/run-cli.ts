import { join } from 'node:path';
import { BulwarkError, createJsonlAuditSink, loadPolicyFile } from '@bulwark/core';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { openPinStore } from '../catalog/pin-store.ts';
import { loadProxyConfig, parseProxyConfig } from '../config/load-config.ts';
import type { ProxyConfig } from '../config/proxy-config.ts';
import { listenHttp } from '../http/http-listener.ts';
import { createMcpProxy, proxyVersion } from '../proxy/create-proxy.ts';
import { listAllTools } from '../proxy/tool-catalog.ts';
import { UpstreamConnection } from '../upstream/upstream-connection.ts';
import { parseCli, usage, type CliCommand, type RunOptions, type ServerSource } from './parse-cli.ts';
import { resolveHttpToken, resolveStateDir } from './state-dir.ts';

/** Where the CLI writes: stdout is the MCP channel in stdio mode, so everything human goes to stderr. */
export interface CliIo {
  readonly environment: NodeJS.ProcessEnv;
  /** Command output (status, approve): stdout. */
  out(text: string): void;
  /** Diagnostics: stderr. */
  err(text: string): void;
}

/** Runs `bulwark-mcp`; resolves with the exit code for one-shot commands, or never for the proxy itself. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let command: CliCommand;
  try {
    command = parseCli(argv);
    return await execute(command, io);
  } catch (error) {
    if (BulwarkError.isInstance(error)) {
      io.err(`bulwark-mcp: ${error.message}\n`);
      return 2;
    }
    io.err(`bulwark-mcp: ${(error as Error).stack ?? String(error)}\n`);
    return 1;
  }
}

async function execute(command: CliCommand, io: CliIo): Promise<number> {
  switch (command.kind) {
    case 'help':
      io.out(usage);
      return 0;
    case 'status':
      return status(resolveStateDir(command.stateDir, io.environment), command.json, io);
    case 'approve': {
      const pins = openPinStore(join(resolveStateDir(command.stateDir, io.environment), 'pins.json'));
      const approved = pins.approve(command.all ? undefined : command.server, command.all ? undefined : command.tool);
      if (approved.length === 0) io.out('nothing pending approval\n');
      for (const item of approved) io.out(`approved ${item.server}/${item.item}\n`);
      return 0;
    }
    case 'pin':
      return pin(await loadConfig(command.source, command.policy), resolveStateDir(command.stateDir, io.environment), io);
    case 'run':
      return run(await loadConfig(command.source, command.options.policy), command.options, io);
  }
}

async function loadConfig(source: ServerSource, policyPath: string | undefined): Promise<ProxyConfig> {
  const config =
    source.kind === 'config'
      ? await loadProxyConfig(source.path)
      : parseProxyConfig(
          { mcpServers: { [source.name]: source.kind === 'command' ? { command: source.command, args: [...source.args] } : { url: source.url } } },
          source.kind === 'command' ? '--' : '--url',
        );
  if (!policyPath) return config;
  return { ...config, policy: (await loadPolicyFile(policyPath)) as unknown as Record<string, unknown> };
}

async function run(config: ProxyConfig, options: RunOptions, io: CliIo): Promise<number> {
  const stateDir = resolveStateDir(options.stateDir, io.environment);
  const log = options.quiet ? () => undefined : (message: string) => io.err(`[bulwark-mcp] ${message}\n`);
  const audit = options.audit === undefined ? undefined : createJsonlAuditSink(options.audit === '-' ? process.stderr : options.audit);
  const proxy = createMcpProxy({ config, stateDir, log, ...(audit ? { audit } : {}) });
  let closing = false;
  const shutdown = async (code: number): Promise<never> => {
    if (!closing) {
      closing = true;
      await proxy.close().catch(() => undefined);
    }
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown(130));
  process.on('SIGTERM', () => void shutdown(143));

  if (options.transport === 'stdio') {
    const session = await proxy.connect(new StdioServerTransport());
    session.onclose = () => void shutdown(0);
    process.stdin.on('end', () => void shutdown(0));
    log(`guarding ${Object.keys(config.mcpServers).join(', ')} over stdio (state: ${stateDir})`);
  } else {
    const { token, file } = options.auth ? resolveHttpToken(options.token ?? io.environment.BULWARK_MCP_TOKEN, stateDir) : { token: undefined, file: undefined };
    const listener = await listenHttp(proxy, {
      ...(options.host ? { host: options.host } : {}),
      port: options.port ?? 8808,
      ...(token ? { token } : {}),
      requireToken: options.auth,
      allowRemote: options.allowRemote,
    });
    io.err(`[bulwark-mcp] listening on ${listener.url.href}${file ? ` (bearer token in ${file})` : options.auth ? '' : ' (no authentication)'}\n`);
  }
  return new Promise<number>(() => undefined);
}

async function pin(config: ProxyConfig, stateDir: string, io: CliIo): Promise<number> {
  const pins = openPinStore(join(stateDir, 'pins.json'));
  for (const [name, server] of Object.entries(config.mcpServers)) {
    if (server.disabled) continue;
    const upstream = new UpstreamConnection(
      name,
      server,
      { onNotification: () => undefined, onServerRequest: async () => ({ roots: [] }), onRestarted: () => undefined, log: () => undefined },
      proxyVersion,
    );
    try {
      await upstream.start();
      const tools = upstream.capabilities.tools ? await listAllTools(upstream.client()) : [];
      pins.pin(name, { instructions: upstream.instructions, tools });
      io.out(`pinned ${name}: ${tools.length} tools${upstream.instructions ? ' and instructions' : ''}\n`);
    } finally {
      await upstream.close();
    }
  }
  return 0;
}

function status(stateDir: string, json: boolean, io: CliIo): number {
  const snapshot = openPinStore(join(stateDir, 'pins.json')).snapshot();
  if (json) {
    io.out(`${JSON.stringify(snapshot, null, 2)}\n`);
    return 0;
  }
  const servers = Object.entries(snapshot.servers);
  if (servers.length === 0) {
    io.out(`no pinned servers in ${stateDir}\n`);
    return 0;
  }
  let pending = 0;
  for (const [name, pins] of servers) {
    io.out(`${name}: ${Object.keys(pins.tools).length} tools pinned ${pins.pinnedAt}${pins.instructions ? ', instructions pinned' : ''}\n`);
    for (const [tool, change] of Object.entries(pins.pending)) {
      pending++;
      io.out(`  QUARANTINED ${tool}: ${change.changed.length > 0 ? `changed ${change.changed.join(', ')}` : 'new tool'} (seen ${change.seenAt})\n`);
    }
    if (pins.pendingInstructions) {
      pending++;
      io.out(`  WITHHELD instructions: changed (seen ${pins.pendingInstructions.seenAt})\n`);
    }
  }
  io.out(pending > 0 ? `${pending} change(s) pending: review, then run "bulwark-mcp approve <server> [<tool>]"\n` : 'no changes pending\n');
  return 0;
}
