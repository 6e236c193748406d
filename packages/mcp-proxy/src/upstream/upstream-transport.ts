import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import { isStdioServer, type ServerConfig } from '../config/proxy-config.ts';

/** A fresh client transport to one configured server (stdio subprocess or Streamable HTTP). */
export function createUpstreamTransport(server: ServerConfig, onStderrLine: (line: string) => void): Transport {
  if (!isStdioServer(server)) {
    return new StreamableHTTPClientTransport(new URL(server.url), { requestInit: { headers: server.headers } });
  }
  const transport = new StdioClientTransport({
    command: server.command,
    args: server.args,
    env: server.env,
    ...(server.cwd ? { cwd: server.cwd } : {}),
    stderr: 'pipe',
  });
  // The child's stderr is diagnostics, never protocol: hand it to the proxy's log line by line.
  let buffered = '';
  transport.stderr?.on('data', (chunk: Buffer) => {
    buffered += chunk.toString('utf8');
    let newline = buffered.indexOf('\n');
    while (newline >= 0) {
      onStderrLine(buffered.slice(0, newline));
      buffered = buffered.slice(newline + 1);
      newline = buffered.indexOf('\n');
    }
  });
  return transport;
}
