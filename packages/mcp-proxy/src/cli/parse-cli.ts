import { basename, extname } from 'node:path';
import { parseArgs } from 'node:util';
import { BulwarkConfigError } from '@bulwark/core';

/** What the command line asked for. */
export type CliCommand =
  | { readonly kind: 'help' }
  | { readonly kind: 'run'; readonly source: ServerSource; readonly options: RunOptions }
  | { readonly kind: 'pin'; readonly source: ServerSource; readonly stateDir?: string | undefined; readonly policy?: string | undefined }
  | { readonly kind: 'status'; readonly stateDir?: string | undefined; readonly json: boolean }
  | { readonly kind: 'approve'; readonly stateDir?: string | undefined; readonly server?: string | undefined; readonly tool?: string | undefined; readonly all: boolean };

/** Where the servers come from: a config file, one wrapped command, or one remote URL. */
export type ServerSource =
  | { readonly kind: 'config'; readonly path: string }
  | { readonly kind: 'command'; readonly name: string; readonly command: string; readonly args: readonly string[] }
  | { readonly kind: 'url'; readonly name: string; readonly url: string };

/** How the proxy runs. */
export interface RunOptions {
  readonly stateDir?: string | undefined;
  readonly policy?: string | undefined;
  readonly transport: 'stdio' | 'http';
  readonly host?: string | undefined;
  readonly port?: number | undefined;
  readonly token?: string | undefined;
  readonly auth: boolean;
  readonly allowRemote: boolean;
  /** An audit file, `-` for stderr; `<state dir>/audit.jsonl` by default. */
  readonly audit?: string | undefined;
  readonly quiet: boolean;
}

/** Usage text. */
export const usage = `Usage:
  bulwark-mcp [options] -- <command> [args...]   guard one stdio MCP server
  bulwark-mcp [options] --url <url>              guard one Streamable HTTP MCP server
  bulwark-mcp [options] --config bulwark-mcp.yaml
  bulwark-mcp status [--state-dir DIR] [--json]  pinned catalogs and quarantined tools
  bulwark-mcp approve [<server> [<tool>]] [--all] [--state-dir DIR]
  bulwark-mcp pin [--config FILE | --url URL | -- <command> [args...]] [--state-dir DIR]

Options:
  --config FILE       servers (mcpServers), policy, per-server and per-tool settings
  --name NAME         server name for a wrapped command or URL (default: derived from it)
  --policy FILE       a Bulwark policy file (YAML or JSON)
  --state-dir DIR     pins and audit log (default: $BULWARK_HOME/mcp, or ~/.bulwark/mcp)
  --transport stdio|http   how clients reach the proxy (default: stdio)
  --host HOST         HTTP listener host (default 127.0.0.1; loopback only unless --allow-remote)
  --port PORT         HTTP listener port (default 8808; 0 picks a free port)
  --token TOKEN       HTTP bearer token (default: $BULWARK_MCP_TOKEN, else <state dir>/http-token, generated)
  --no-auth           accept HTTP requests without a bearer token
  --allow-remote      allow a non-loopback --host
  --audit FILE|-      audit log (JSON lines); "-" writes to stderr
  --quiet             no diagnostics on stderr
`;

const runOptionSpec = {
  config: { type: 'string' },
  url: { type: 'string' },
  name: { type: 'string' },
  policy: { type: 'string' },
  'state-dir': { type: 'string' },
  transport: { type: 'string' },
  host: { type: 'string' },
  port: { type: 'string' },
  token: { type: 'string' },
  'no-auth': { type: 'boolean', default: false },
  'allow-remote': { type: 'boolean', default: false },
  audit: { type: 'string' },
  quiet: { type: 'boolean', default: false },
  json: { type: 'boolean', default: false },
  all: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

/** Parses `bulwark-mcp` arguments (without `node` and the script). Errors name the flag. */
export function parseCli(argv: readonly string[]): CliCommand {
  const separator = argv.indexOf('--');
  const before = separator >= 0 ? argv.slice(0, separator) : [...argv];
  const wrapped = separator >= 0 ? argv.slice(separator + 1) : [];
  let parsed;
  try {
    parsed = parseArgs({ args: before, options: runOptionSpec, allowPositionals: true, strict: true });
  } catch (error) {
    throw new BulwarkConfigError(`${(error as Error).message}\n\n${usage}`);
  }
  const { values, positionals } = parsed;
  if (values.help || positionals[0] === 'help') return { kind: 'help' };
  const stateDir = values['state-dir'];
  const subcommand = positionals[0];

  if (subcommand === 'status') return { kind: 'status', stateDir, json: values.json };
  if (subcommand === 'approve') {
    if (!values.all && positionals.length < 2) throw new BulwarkConfigError('approve: name a server (and optionally a tool), or pass --all');
    return { kind: 'approve', stateDir, server: positionals[1], tool: positionals[2], all: values.all };
  }
  if (subcommand !== undefined && subcommand !== 'pin') throw new BulwarkConfigError(`unknown command "${subcommand}"\n\n${usage}`);

  const source = serverSource(values.config, values.url, values.name, wrapped);
  if (subcommand === 'pin') return { kind: 'pin', source, stateDir, policy: values.policy };

  const transport = values.transport ?? 'stdio';
  if (transport !== 'stdio' && transport !== 'http') throw new BulwarkConfigError(`--transport: expected "stdio" or "http", got "${transport}"`);
  let port: number | undefined;
  if (values.port !== undefined) {
    port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new BulwarkConfigError(`--port: expected a port number, got "${values.port}"`);
  }
  return {
    kind: 'run',
    source,
    options: {
      stateDir,
      policy: values.policy,
      transport,
      host: values.host,
      port,
      token: values.token,
      auth: !values['no-auth'],
      allowRemote: values['allow-remote'],
      audit: values.audit,
      quiet: values.quiet,
    },
  };
}

function serverSource(config: string | undefined, url: string | undefined, name: string | undefined, wrapped: readonly string[]): ServerSource {
  const given = [config !== undefined, url !== undefined, wrapped.length > 0].filter(Boolean).length;
  if (given === 0) throw new BulwarkConfigError(`nothing to guard: pass --config FILE, --url URL, or -- <command> [args...]\n\n${usage}`);
  if (given > 1) throw new BulwarkConfigError('pass only one of --config, --url, or -- <command>');
  if (config !== undefined) return { kind: 'config', path: config };
  if (url !== undefined) return { kind: 'url', name: name ?? serverNameForUrl(url), url };
  const [command, ...args] = wrapped as [string, ...string[]];
  return { kind: 'command', name: name ?? serverNameForCommand(command, args), command, args };
}

const launchers = new Set(['node', 'npx', 'uvx', 'uv', 'bunx', 'bun', 'deno', 'python', 'python3', 'pnpm', 'npm', 'yarn', 'docker', 'pipx']);
const launcherVerbs = new Set(['run', 'dlx', 'exec', 'x', 'tool']);

/** A stable, readable server name for a wrapped command: `npx -y @modelcontextprotocol/server-filesystem /tmp` → `server-filesystem`. */
export function serverNameForCommand(command: string, args: readonly string[]): string {
  let candidate = command;
  if (launchers.has(basename(command).replace(/\.exe$/, ''))) {
    candidate = args.find((arg) => !arg.startsWith('-') && !launcherVerbs.has(arg)) ?? command;
  }
  const versionAt = candidate.lastIndexOf('@');
  const base = basename(versionAt > 0 ? candidate.slice(0, versionAt) : candidate);
  const name = base.slice(0, base.length - extname(base).length).replace(/[^A-Za-z0-9_.-]+/g, '-');
  return name.slice(0, 64) || 'server';
}

function serverNameForUrl(url: string): string {
  try {
    return new URL(url).hostname.replace(/[^A-Za-z0-9_.-]+/g, '-').slice(0, 64) || 'server';
  } catch {
    throw new BulwarkConfigError(`--url: not a valid URL: "${url}"`);
  }
}
