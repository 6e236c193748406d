import type { PolicyInput } from '@bulwark/core';
import { z } from 'zod';

/** Per-tool settings inside one server entry. */
export const ToolSettingsSchema = z
  .object({
    /** `false` hides the tool and denies calls to it. */
    enabled: z.boolean().default(true),
    /**
     * A tool rule for the engine (`decision`, `labels`, `args` constraints, `limit`…; see the core tool policy),
     * applied as `policy.tools.rules[<tool as the client sees it>]`. Validated by the engine at start-up.
     */
    rule: z.record(z.string(), z.unknown()).optional(),
  })
  .strict();
/** Per-tool settings. */
export type ToolSettings = z.infer<typeof ToolSettingsSchema>;

const bulwarkServerFields = {
  /** `true` skips this server. */
  disabled: z.boolean().default(false),
  /** A Bulwark policy merged over the top-level policy for this server only. */
  policy: z.record(z.string(), z.unknown()).optional(),
  /** Per-tool settings, keyed by the server's own tool name. */
  tools: z.record(z.string(), ToolSettingsSchema).default({}),
};

/** A server run as a subprocess speaking MCP over stdio (the `mcpServers` shape MCP clients use). */
export const StdioServerSchema = z
  .object({
    type: z.literal('stdio').optional(),
    command: z.string().min(1),
    args: z.array(z.string()).default([]),
    env: z.record(z.string(), z.string()).default({}),
    cwd: z.string().optional(),
    ...bulwarkServerFields,
  })
  .strict();

/** A remote server reached over Streamable HTTP. */
export const HttpServerSchema = z
  .object({
    type: z.enum(['http', 'streamable-http', 'streamableHttp']).optional(),
    url: z.url(),
    headers: z.record(z.string(), z.string()).default({}),
    ...bulwarkServerFields,
  })
  .strict();

/** One MCP server behind the proxy. */
export const ServerConfigSchema = z.union([StdioServerSchema, HttpServerSchema]);
/** One MCP server behind the proxy. */
export type ServerConfig = z.infer<typeof ServerConfigSchema>;
/** A server config as users write it. */
export type ServerConfigInput = z.input<typeof ServerConfigSchema>;

/** Server names become tool-name prefixes, so they keep to the characters MCP allows in tool names. */
const serverNamePattern = /^[A-Za-z0-9_.-]{1,64}$/;

/** The `bulwark-mcp.yaml` file. */
export const ProxyConfigSchema = z
  .object({
    /** The servers to guard, keyed by name. */
    mcpServers: z.record(z.string(), ServerConfigSchema).superRefine((servers, context) => {
      if (Object.keys(servers).length === 0) context.addIssue({ code: 'custom', message: 'at least one server is required' });
      for (const name of Object.keys(servers)) {
        if (!serverNamePattern.test(name)) context.addIssue({ code: 'custom', path: [name], message: 'server names use letters, digits, "_", "-" or "." (at most 64)' });
      }
    }),
    /** The Bulwark policy for every server (a per-server `policy` is merged over it). */
    policy: z.record(z.string(), z.unknown()).default({}),
    /** Prefix tool and prompt names with `<server>__`. Defaults to true with several servers, false with one. */
    namespace: z.boolean().optional(),
    /** What to do with calls to tools the server did not list: `deny` (default) or `scan` (scan and forward). */
    unlistedTools: z.enum(['deny', 'scan']).default('deny'),
  })
  .strict();
/** A parsed proxy config. */
export type ProxyConfig = z.infer<typeof ProxyConfigSchema>;
/** A proxy config as users write it. */
export type ProxyConfigInput = z.input<typeof ProxyConfigSchema>;

/** Whether a server config is a stdio subprocess. */
export function isStdioServer(server: ServerConfig): server is z.infer<typeof StdioServerSchema> {
  return 'command' in server;
}

/** Deep merge of two policy objects as written (`override` wins; arrays are replaced). */
export function mergePolicyInput(base: Record<string, unknown>, override: Record<string, unknown> | undefined): PolicyInput {
  if (!override) return base as PolicyInput;
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(override)) {
    const current = out[key];
    out[key] = isPlainObject(current) && isPlainObject(value) ? mergePolicyInput(current, value) : value;
  }
  return out as PolicyInput;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
