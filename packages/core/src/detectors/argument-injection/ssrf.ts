import { isIP } from 'node:net';

/** What an SSRF check found in one URL. */
export interface SsrfHit {
  readonly id: 'ssrf-metadata' | 'ssrf-private-address' | 'ssrf-scheme';
  readonly score: number;
  readonly reason: string;
}

const urlInText = /\b(?:https?|ftp|file|gopher|dict|ldap|tftp|jar|netdoc|ws|wss):\/\/[^\s"'<>`]*/gi;
const dangerousSchemes = new Set(['file:', 'gopher:', 'dict:', 'ldap:', 'tftp:', 'jar:', 'netdoc:']);
const metadataHosts = new Set(['169.254.169.254', 'metadata.google.internal', 'metadata', '100.100.100.200', 'fd00:ec2::254', '169.254.170.2', 'metadata.azure.com']);

/** SSRF targets in a text: cloud metadata endpoints, loopback, private and link-local addresses, local-file schemes. */
export function ssrfTargets(text: string): SsrfHit[] {
  if (!text.includes('://')) return [];
  const hits: SsrfHit[] = [];
  for (const match of text.matchAll(urlInText)) {
    const hit = checkUrl(match[0]);
    if (hit) hits.push(hit);
  }
  return hits;
}

function checkUrl(raw: string): SsrfHit | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return undefined;
  }
  if (dangerousSchemes.has(url.protocol)) return { id: 'ssrf-scheme', score: 0.9, reason: `uses the ${url.protocol}// scheme` };
  const host = url.hostname.toLowerCase().replace(/^\[|\]$/g, '').replace(/\.$/, '');
  if (metadataHosts.has(host)) return { id: 'ssrf-metadata', score: 0.95, reason: `targets the cloud metadata endpoint ${host}` };
  if (host === 'localhost' || host.endsWith('.localhost') || host === '0' || host.endsWith('.internal') || host.endsWith('.local')) {
    return { id: 'ssrf-private-address', score: 0.85, reason: `targets the local host name ${host}` };
  }
  // WHATWG URL parsing already turns decimal, hex and octal IPv4 forms (2130706433, 0x7f.1) into dotted quads.
  const kind = isIP(host);
  if (kind === 4) {
    const reason = privateIpv4(host);
    if (reason === 'metadata') return { id: 'ssrf-metadata', score: 0.95, reason: `targets the link-local metadata address ${host}` };
    if (reason) return { id: 'ssrf-private-address', score: 0.85, reason: `targets the ${reason} address ${host}` };
  } else if (kind === 6) {
    const reason = privateIpv6(host);
    if (reason) return { id: 'ssrf-private-address', score: 0.85, reason: `targets the ${reason} address ${host}` };
  }
  return undefined;
}

function privateIpv4(host: string): string | undefined {
  const [a = 0, b = 0] = host.split('.').map(Number);
  if (a === 169 && b === 254) return host === '169.254.169.254' ? 'metadata' : 'link-local';
  if (a === 127) return 'loopback';
  if (a === 0) return 'unspecified';
  if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168)) return 'private';
  if (a === 100 && b >= 64 && b <= 127) return 'carrier-grade NAT';
  return undefined;
}

function privateIpv6(host: string): string | undefined {
  if (host === '::1' || host === '::') return 'loopback';
  if (/^f[cd][0-9a-f]{2}:/.test(host)) return 'unique-local';
  if (/^fe[89ab][0-9a-f]:/.test(host)) return 'link-local';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(host)?.[1];
  if (mapped) return privateIpv4(mapped) ? 'IPv4-mapped private' : undefined;
  const hexMapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(host);
  if (hexMapped) {
    const high = parseInt(hexMapped[1] ?? '0', 16);
    const low = parseInt(hexMapped[2] ?? '0', 16);
    return privateIpv4(`${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`) ? 'IPv4-mapped private' : undefined;
  }
  return undefined;
}

/** SSRF examples, checked by the tests like rule examples. */
export const ssrfExamples = {
  positive: [
    'http://169.254.169.254/latest/meta-data/iam/security-credentials/',
    'http://metadata.google.internal/computeMetadata/v1/',
    'http://127.0.0.1:8080/admin',
    'http://2130706433/',
    'http://0x7f000001/',
    'http://[::1]/',
    'http://[::ffff:127.0.0.1]/',
    'http://10.0.0.5/internal',
    'http://192.168.1.1/',
    'http://localhost:6379/',
    'file:///etc/passwd',
    'gopher://127.0.0.1:25/_HELO',
  ],
  negative: ['https://example.com/docs', 'https://api.github.com/repos/a/b', 'see http://93.184.216.34/ for details', 'https://172.32.0.1/'],
} as const;
