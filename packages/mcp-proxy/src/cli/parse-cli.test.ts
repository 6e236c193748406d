import { describe, expect, it } from 'vitest';
import { parseCli, serverNameForCommand } from './parse-cli.ts';

describe('bulwark-mcp command line', () => {
  it('wraps one stdio server after --', () => {
    expect(parseCli(['--state-dir', '/tmp/s', '--', 'npx', '-y', '@modelcontextprotocol/server-filesystem', '/data'])).toMatchObject({
      kind: 'run',
      source: { kind: 'command', name: 'server-filesystem', command: 'npx', args: ['-y', '@modelcontextprotocol/server-filesystem', '/data'] },
      options: { stateDir: '/tmp/s', transport: 'stdio', auth: true },
    });
  });

  it('runs a config file over HTTP, and parses the maintenance commands', () => {
    expect(parseCli(['--config', 'b.yaml', '--transport', 'http', '--port', '0'])).toMatchObject({ kind: 'run', source: { kind: 'config', path: 'b.yaml' }, options: { transport: 'http', port: 0 } });
    expect(parseCli(['status', '--json'])).toEqual({ kind: 'status', stateDir: undefined, json: true });
    expect(parseCli(['approve', 'fs', 'read_file'])).toMatchObject({ kind: 'approve', server: 'fs', tool: 'read_file', all: false });
    expect(parseCli(['approve', '--all'])).toMatchObject({ kind: 'approve', all: true });
    expect(parseCli(['pin', '--', 'node', 'server.js'])).toMatchObject({ kind: 'pin', source: { kind: 'command', name: 'server' } });
  });

  it.each([
    [[], /nothing to guard/],
    [['--config', 'a.yaml', '--', 'node', 'x.js'], /only one of/],
    [['--config', 'a.yaml', '--transport', 'ws'], /--transport: expected "stdio" or "http"/],
    [['--config', 'a.yaml', '--port', 'eighty'], /--port: expected a port number/],
    [['--bogus'], /Unknown option '--bogus'/],
    [['approve'], /approve: name a server/],
    [['frobnicate'], /unknown command "frobnicate"/],
  ])('rejects %j with a clear error', (argv, message) => {
    expect(() => parseCli(argv)).toThrow(message);
  });

  it.each([
    ['npx', ['-y', '@modelcontextprotocol/server-filesystem', '/tmp'], 'server-filesystem'],
    ['npx', ['-y', 'mcp-server-fetch@latest'], 'mcp-server-fetch'],
    ['uvx', ['mcp-server-git', '--repository', '.'], 'mcp-server-git'],
    ['node', ['/opt/servers/poisoned-server.ts'], 'poisoned-server'],
    ['/usr/local/bin/github-mcp-server', ['stdio'], 'github-mcp-server'],
    ['docker', ['run', '-i', '--rm', 'mcp/fetch'], 'fetch'],
  ])('derives a readable server name from %s %j', (command, args, name) => {
    expect(serverNameForCommand(command, args)).toBe(name);
  });
});
