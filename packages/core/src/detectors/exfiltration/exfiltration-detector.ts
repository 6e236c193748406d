import type { Detector } from '../../detector.ts';
import type { Finding } from '../../finding.ts';
import { createPiiScanner, type PiiScanner } from '../pii/pii-detector.ts';
import { shannonEntropy } from '../secrets/entropy.ts';
import { createSecretScanner, type SecretScanner } from '../secrets/secrets-detector.ts';

/** Options of the exfiltration detector (`policy.detectors.options.exfiltration`). */
export interface ExfiltrationOptions {
  /** Domains URLs may point to freely; subdomains are included (`example.com` allows `cdn.example.com`). */
  allowedDomains?: readonly string[];
}

const urlPattern = /\bhttps?:\/\/[^\s<>"'`)\]]+|(?<=\]\(\s*<?)\/\/[^\s<>"'`)]+/gi;
const markdownImage = /!\[[^\]\n]{0,500}\]\(\s*<?$/;
const htmlImage = /<img\b[^>]{0,500}\bsrc\s*=\s*["']?$/i;
const blobPattern = /[A-Za-z0-9+/_=-]{32,}/g;
const hexBlob = /[0-9a-fA-F]{80,}/;
/** A whole value that is short base64 (`VHIwdWI0ZG9yJjM=`): data when it decodes to readable text. */
const shortBase64 = /^[A-Za-z0-9+/_-]{8,31}={0,2}$/;

/** What a URL carries, found in its path, query and fragment. */
interface Payload {
  secrets: string[];
  pii: string[];
  blobs: number;
  prose: boolean;
}

/**
 * Finds data-bearing URLs to domains outside an allowlist: markdown images (fetched without a click), links and
 * URLs in tool arguments whose path, query or fragment carries secrets, personal data or long encoded blobs.
 */
export function createExfiltrationDetector(options: ExfiltrationOptions = {}): Detector {
  const allowed = (options.allowedDomains ?? []).map((domain) => domain.toLowerCase().replace(/^\*?\./, ''));
  const secrets = createSecretScanner();
  const pii = createPiiScanner();
  return {
    meta: {
      id: 'exfiltration',
      categories: ['exfiltration'],
      surfaces: ['model_output', 'tool_call'],
      description: 'Finds markdown images, links and tool-argument URLs that carry secrets, personal data or encoded blobs to unlisted domains.',
    },
    scan(input, context) {
      const text = input.normalized.views[0]?.text ?? '';
      const view = input.normalized.views[0];
      if (!view || !/https?:|\]\(\s*\/\//i.test(text)) return [];
      const findings: Finding[] = [];
      for (const match of text.matchAll(urlPattern)) {
        const raw = match[0].replace(/[.,;:!?]+$/, '');
        const start = match.index ?? 0;
        let url: URL;
        try {
          url = new URL(raw.startsWith('//') ? `https:${raw}` : raw);
        } catch {
          continue;
        }
        const host = url.hostname.toLowerCase();
        if (allowed.some((domain) => host === domain || host.endsWith(`.${domain}`))) continue;
        const before = text.slice(Math.max(0, start - 520), start);
        const image = markdownImage.test(before) || htmlImage.test(before);
        const payload = payloadOf(url, secrets, pii);
        const score = scoreOf(image, context.surface === 'tool_call', payload);
        if (score <= 0) continue;
        const carried = [
          ...payload.secrets.map((entity) => `secret ${entity}`),
          ...payload.pii.map((entity) => `personal data ${entity}`),
          ...(payload.blobs > 0 ? [`${payload.blobs} encoded blob(s)`] : []),
          ...(payload.prose ? ['free text'] : []),
        ];
        findings.push({
          detector: `exfiltration/${image ? 'markdown-image' : context.surface === 'tool_call' ? 'tool-url' : 'link'}`,
          category: 'exfiltration',
          score,
          message: `${image ? 'image' : 'URL'} to ${host} carries ${carried.join(', ')}`,
          span: view.toOriginal(start, start + raw.length),
          entity: 'URL',
          evidence: host,
        });
      }
      return findings;
    },
  };
}

function payloadOf(url: URL, secrets: SecretScanner, pii: PiiScanner): Payload {
  // Path segments are judged one by one (a path's slashes are not base64); query values and the fragment whole.
  const parts: string[] = [...url.pathname.split('/'), url.hash.slice(1), url.username, url.password];
  for (const [key, value] of url.searchParams) parts.push(key, value);
  const decoded = parts.map(safeDecode).filter((part) => part.length > 0);
  const joined = decoded.join('\n');
  const payload: Payload = { secrets: [], pii: [], blobs: 0, prose: false };
  for (const match of secrets.scanText(joined)) payload.secrets.push(match.rule.entity);
  for (const match of pii.scanText(joined)) {
    if (match.score >= 0.6 && match.entity.id !== 'ipv4' && match.entity.id !== 'ipv6') payload.pii.push(match.entity.entity);
  }
  for (const part of decoded) {
    for (const blob of part.matchAll(blobPattern)) {
      const value = blob[0];
      if (shannonEntropy(value) >= 4.2 && /[a-z]/.test(value) && /[A-Z]/.test(value) && /\d/.test(value)) payload.blobs++;
    }
    if (hexBlob.test(part)) payload.blobs++;
    else if (shortBase64.test(part) && decodesToText(part)) payload.blobs++;
    if (part.length >= 60 && (part.match(/\s/g)?.length ?? 0) >= 8) payload.prose = true;
  }
  return payload;
}

function scoreOf(image: boolean, toolCall: boolean, payload: Payload): number {
  const sensitive = payload.secrets.length > 0 || payload.pii.length > 0;
  // An image is fetched without a click: any data in its URL is gone the moment the answer renders.
  if (image) return sensitive || payload.blobs > 0 || payload.prose ? 0.95 : 0;
  if (sensitive) return toolCall ? 0.9 : 0.85;
  if (payload.blobs > 0) return toolCall ? 0.6 : 0.55;
  if (payload.prose) return 0.45;
  return 0;
}

/** True when a base64 value decodes to mostly printable ASCII (a word or a password, not random bytes). */
function decodesToText(value: string): boolean {
  const bytes = Buffer.from(value, /[-_]/.test(value) ? 'base64url' : 'base64');
  if (bytes.length < 6) return false;
  let printable = 0;
  for (const byte of bytes) if (byte >= 0x20 && byte < 0x7f) printable++;
  return printable / bytes.length >= 0.95 && /[A-Za-z]{2}/.test(bytes.toString('latin1'));
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    return value;
  }
}
