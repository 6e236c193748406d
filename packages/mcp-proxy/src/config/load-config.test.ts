import { describe, expect, it } from 'vitest';
import { parseProxyConfig } from './load-config.ts';

describe('proxy config', () => {
  it('accepts the mcpServers shape MCP clients use, with per-server and per-tool settings', () => {
    const config = parseProxyConfig({
      mcpServers: {
        filesystem: { command: 'npx', args: ['-y', '@modelcontextprotocol/server-filesystem', '/tmp'], env: { DEBUG: '1' } },
        remote: { type: 'http', url: 'https://mcp.example.com/mcp', headers: { Authorization: 'Bearer x' }, tools: { delete_all: { enabled: false } } },
      },
      policy: { failMode: 'closed' },
    });
    expect(config.mcpServers.filesystem).toMatchObject({ command: 'npx', disabled: false });
    expect(config.mcpServers.remote?.tools.delete_all?.enabled).toBe(false);
    expect(config.unlistedTools).toBe('deny');
  });

  it.each([
    [{}, /config: mcpServers: Invalid input/],
    [{ mcpServers: {} }, /mcpServers: at least one server is required/],
    [{ mcpServers: { fs: { command: 3 } } }, /config: mcpServers\.fs\.command: Invalid input: expected string/],
    [{ mcpServers: { fs: { command: 'node', argz: [] } } }, /mcpServers\.fs: Unrecognized key: "argz"/],
    [{ mcpServers: { fs: { url: 'not a url' } } }, /mcpServers\.fs\.url: Invalid URL/],
    [{ mcpServers: { fs: { transport: 'stdio' } } }, /mcpServers\.fs: expected a stdio server/],
    [{ mcpServers: { 'bad name!': { command: 'node' } } }, /server names use letters/],
    [{ mcpServers: { fs: { command: 'node', tools: { x: { enabled: 'no' } } } } }, /mcpServers\.fs\.tools\.x\.enabled/],
    [{ mcpServers: { fs: { command: 'node' } }, policy: { failMode: 'sometimes' } }, /config: policy\.failMode/],
    [{ mcpServers: { fs: { command: 'node', policy: { categories: { injection: { threshold: 3 } } } } } }, /mcpServers\.fs\.policy\.categories\.injection\.threshold/],
    [{ mcpServers: { fs: { command: 'node', tools: { send_email: { rule: { decision: 'maybe' } } } } } }, /config: mcpServers\.fs\.tools\.send_email\.rule\.decision: Invalid option/],
  ])('names the field of a bad config: %j', (input, message) => {
    expect(() => parseProxyConfig(input)).toThrow(message);
  });
});
