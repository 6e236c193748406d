import type { PolicyInput } from '@bulwark/core';
import { mergePolicyInput, type ServerConfig } from '../config/proxy-config.ts';
import { exposedName } from './names.ts';

/** A server's policy with its per-tool rules added as `tools.rules`, keyed by the tool name the client (and engine) sees. */
export function withToolRules(policy: PolicyInput, server: string, serverConfig: ServerConfig | undefined, namespace: boolean): PolicyInput {
  const rules: Record<string, unknown> = {};
  for (const [tool, settings] of Object.entries(serverConfig?.tools ?? {})) {
    if (settings.rule !== undefined) rules[exposedName(server, tool, namespace)] = settings.rule;
  }
  return Object.keys(rules).length > 0 ? mergePolicyInput(policy as Record<string, unknown>, { tools: { rules } }) : policy;
}
