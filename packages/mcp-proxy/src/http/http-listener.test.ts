import { describe, expect, it } from 'vitest';
import { createMcpProxy } from '../proxy/create-proxy.ts';
import { temporaryStateDir, testServerConfig } from '../e2e/helpers.ts';
import { listenHttp } from './http-listener.ts';

describe('Streamable HTTP listener', () => {
  const proxy = createMcpProxy({ config: { mcpServers: { notes: testServerConfig() } }, stateDir: temporaryStateDir(), audit: [], log: () => undefined });

  it('binds to loopback only, unless remote access is allowed explicitly', async () => {
    await expect(listenHttp(proxy, { host: '0.0.0.0', token: 'a-long-enough-token' })).rejects.toThrow(/listen\.host: "0\.0\.0\.0" is not a loopback address/);
  });

  it('requires a bearer token unless the check is turned off explicitly', async () => {
    await expect(listenHttp(proxy, {})).rejects.toThrow(/listen\.token: a bearer token is required/);
    const listener = await listenHttp(proxy, { requireToken: false });
    try {
      const response = await fetch(new URL('/other', listener.url));
      expect(response.status).toBe(404);
      const noSession = await fetch(listener.url, { method: 'GET' });
      expect(noSession.status).toBe(400);
    } finally {
      await listener.close();
    }
  });
});
