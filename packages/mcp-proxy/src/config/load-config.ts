import { readFile } from 'node:fs/promises';
import { BulwarkConfigError, parsePolicy } from '@bulwark/core';
import { exposedName } from '../proxy/names.ts';
import { parse as parseYaml } from 'yaml';
import { HttpServerSchema, mergePolicyInput, ProxyConfigSchema, StdioServerSchema, type ProxyConfig } from './proxy-config.ts';

/** Parses a proxy config object; errors name the field (`bulwark-mcp.yaml: mcpServers.fs.command: …`). */
export function parseProxyConfig(input: unknown, source = 'config'): ProxyConfig {
  const result = ProxyConfigSchema.safeParse(input);
  if (!result.success) {
    const issues = result.error.issues.flatMap((issue) => (issue.code === 'invalid_union' ? serverIssues(input, issue.path) : [issue]));
    const message = issues.map((issue) => `${source}: ${issue.path.length > 0 ? issue.path.map(String).join('.') : '(root)'}: ${issue.message}`).join('; ');
    throw new BulwarkConfigError(message);
  }
  const config = result.data;
  // Policies are validated here too, so a typo fails at start-up, not on the first call.
  parsePolicy(config.policy, `${source}: policy`);
  const namespace = config.namespace ?? Object.keys(config.mcpServers).length > 1;
  for (const [name, server] of Object.entries(config.mcpServers)) {
    if (server.policy) parsePolicy(mergePolicyInput(config.policy, server.policy), `${source}: mcpServers.${name}.policy`);
    for (const [tool, settings] of Object.entries(server.tools)) {
      if (settings.rule === undefined) continue;
      // The engine validates tool rules; the error is re-labelled with the field the user wrote.
      const exposed = exposedName(name, tool, namespace);
      try {
        parsePolicy({ tools: { rules: { [exposed]: settings.rule } } }, `${source}: mcpServers.${name}.tools.${tool}.rule`);
      } catch (error) {
        throw new BulwarkConfigError((error as Error).message.replaceAll(`.tools.rules.${exposed}`, ''));
      }
    }
  }
  return config;
}

/** Reads and parses a YAML or JSON proxy config file. */
export async function loadProxyConfig(path: string): Promise<ProxyConfig> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new BulwarkConfigError(`${path}: cannot read config file: ${(error as Error).message}`);
  }
  let data: unknown;
  try {
    data = parseYaml(text);
  } catch (error) {
    throw new BulwarkConfigError(`${path}: not valid YAML/JSON: ${(error as Error).message}`);
  }
  return parseProxyConfig(data, path);
}

interface Issue {
  readonly path: readonly PropertyKey[];
  readonly message: string;
}

/** A server entry is stdio or HTTP: re-check it against the shape it looks like, so the error names the field. */
function serverIssues(input: unknown, path: readonly PropertyKey[]): Issue[] {
  let entry: unknown = input;
  for (const key of path) entry = entry && typeof entry === 'object' ? (entry as Record<PropertyKey, unknown>)[key] : undefined;
  const shape = entry && typeof entry === 'object' ? (entry as Record<string, unknown>) : undefined;
  const schema = shape && 'url' in shape && !('command' in shape) ? HttpServerSchema : shape && 'command' in shape ? StdioServerSchema : undefined;
  if (!schema) return [{ path, message: 'expected a stdio server ({ command, args?, env?, cwd? }) or an HTTP server ({ url, headers? })' }];
  const result = schema.safeParse(entry);
  return result.success ? [{ path, message: 'invalid server entry' }] : result.error.issues.map((issue) => ({ path: [...path, ...issue.path], message: issue.message }));
}
