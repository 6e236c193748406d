import type { FlowRead, UserWords } from '../data-flow/flow-memory.ts';
import { hasWord, hostOf, inDomains, keyForm, lowerForm, numbersIn } from '../data-flow/text-keys.ts';
import type { KeyValue } from './key-arguments.ts';

/**
 * Where a key argument value comes from, strongest first: the user's own words, the destination allowlist, trusted
 * data (system prompt, the user's private records), a name the user used (`bob` for bob@acme.com), untrusted content
 * next to instructions addressed to the agent (the injection's payload), untrusted content alone, or nowhere.
 */
export type Support = 'user' | 'allowlist' | 'trusted' | 'named' | 'instructed' | 'untrusted' | 'none';

/** Supports that mean the user (or the operator) stands behind the value. */
export const authorizedSupports: ReadonlySet<Support> = new Set<Support>(['user', 'allowlist', 'trusted', 'named']);

/** A support and the read it came from (for untrusted supports). */
export interface Evidence {
  readonly support: Support;
  readonly read?: FlowRead;
}

/** What key argument values are compared with, built once per call. */
export interface SupportSources {
  readonly userLower: string;
  readonly userKey: string;
  readonly userNumbers: ReadonlySet<number>;
  /** Trusted texts (system prompt, private-only reads), lower case. */
  readonly trusted: readonly { lower: string; key: string; numbers?: readonly number[] }[];
  readonly untrusted: readonly FlowRead[];
  readonly allowedDomains: readonly string[];
}

/** How near (in characters) an instruction addressed to the agent must be to a value to make it the instruction's payload. */
const markerReach = 600;
/** How far after an agent-addressed order an identifier counts as its payload. */
const payloadReach = 200;
const genericNames = new Set(['info', 'admin', 'support', 'contact', 'hello', 'team', 'mail', 'email', 'noreply', 'no', 'reply', 'office', 'sales', 'help', 'service', 'billing', 'accounts', 'account', 'user', 'the', 'and', 'com', 'org', 'net', 'gmail', 'yahoo', 'outlook', 'hotmail', 'proton', 'icloud', 'mailbox', 'security', 'notifications', 'news', 'hr']);

/** Builds the sources of a call's evidence from the user's words, the system prompt, the reads and the allowlist. */
export function supportSources(user: UserWords, systemPrompt: string | undefined, reads: readonly FlowRead[], allowedDomains: readonly string[]): SupportSources {
  const trusted: Array<{ lower: string; key: string; numbers?: readonly number[] }> = [];
  const untrusted: FlowRead[] = [];
  for (const read of reads) {
    if (read.labels.includes('untrusted')) untrusted.push(read);
    else trusted.push(read);
  }
  if (systemPrompt) trusted.push({ lower: lowerForm(systemPrompt), key: keyForm(systemPrompt) });
  return { userLower: user.lower, userKey: user.key, userNumbers: new Set(user.numbers), trusted, untrusted, allowedDomains };
}

/** Where one key argument value comes from. */
export function evidenceFor(value: KeyValue, sources: SupportSources): Evidence {
  const lower = lowerForm(value.value);
  const key = keyForm(value.value);
  switch (value.kind) {
    case 'email': {
      const domain = lower.split('@')[1] ?? '';
      if (sources.userLower.includes(lower)) return { support: 'user' };
      if (inDomains(domain, sources.allowedDomains)) return { support: 'allowlist' };
      if (sources.trusted.some((text) => text.lower.includes(lower))) return { support: 'trusted' };
      return fromReads(sources, (read) => read.lower.indexOf(lower), () => namedByUser(lower, sources.userLower));
    }
    case 'url': {
      const host = hostOf(lower);
      if (sources.userLower.includes(lower) || (host && sources.userLower.includes(host))) return { support: 'user' };
      if (host && inDomains(host, sources.allowedDomains)) return { support: 'allowlist' };
      if (sources.trusted.some((text) => text.lower.includes(lower) || (host !== undefined && text.lower.includes(host)))) return { support: 'trusted' };
      return fromReads(sources, (read) => {
        const index = read.lower.indexOf(lower);
        return index >= 0 || !host ? index : read.lower.indexOf(host);
      });
    }
    case 'account': {
      if (key.length < 4) return { support: 'none' };
      if (sources.userKey.includes(key)) return { support: 'user' };
      if (sources.trusted.some((text) => text.key.includes(key))) return { support: 'trusted' };
      return fromReads(sources, (read) => {
        const index = read.key.indexOf(key);
        // Keys drop punctuation: place the value proportionally in the readable text.
        return index < 0 ? -1 : Math.floor((index / Math.max(read.key.length, 1)) * read.lower.length);
      });
    }
    case 'amount': {
      const amount = Number(value.value.replace(/,/g, ''));
      if (!Number.isFinite(amount)) return { support: 'none' };
      if (sources.userNumbers.has(amount)) return { support: 'user' };
      if (sources.trusted.some((text) => ('numbers' in text && text.numbers ? text.numbers : numbersIn(text.lower)).includes(amount))) return { support: 'trusted' };
      return fromReads(sources, (read) => ((read.numbers ?? numbersIn(read.lower)).includes(amount) ? Math.max(0, read.lower.indexOf(String(Math.trunc(amount)))) : -1));
    }
    case 'path': {
      const base = lower.split(/[\\/]/).filter(Boolean).pop() ?? lower;
      if (sources.userLower.includes(lower) || (base.length >= 3 && hasWord(sources.userLower, base))) return { support: 'user' };
      if (sources.trusted.some((text) => text.lower.includes(lower))) return { support: 'trusted' };
      return fromReads(sources, (read) => {
        const index = read.lower.indexOf(lower);
        return index >= 0 || base.length < 3 ? index : read.lower.indexOf(base);
      });
    }
    case 'identifier': {
      // What a call acts on (a product, a page, a user name): only the injection's own payload counts against it, a value
      // that follows an order addressed to the agent.
      if (hasWord(sources.userLower, lower)) return { support: 'user' };
      if (sources.trusted.some((text) => hasWord(text.lower, lower))) return { support: 'trusted' };
      for (const read of sources.untrusted) {
        if (read.markers.some((marker) => occursWithin(read.lower, lower, marker, marker + payloadReach))) return { support: 'instructed', read };
      }
      return { support: 'none' };
    }
    case 'recipient': {
      const name = lower.replace(/^[#@]/, '');
      if (name.length > 0 && (hasWord(sources.userLower, name) || sources.userLower.includes(lower))) return { support: 'user' };
      if (sources.trusted.some((text) => hasWord(text.lower, name))) return { support: 'trusted' };
      return fromReads(sources, (read) => read.lower.indexOf(name), () => namedByUser(name, sources.userLower));
    }
  }
}

/** Evidence from untrusted reads: `instructed` when a read holding the value is flagged or has an agent-addressed order near it. */
function fromReads(sources: SupportSources, locate: (read: FlowRead) => number, named?: () => boolean): Evidence {
  let plain: FlowRead | undefined;
  for (const read of sources.untrusted) {
    const index = locate(read);
    if (index < 0) continue;
    if (read.suspicious || read.markers.some((marker) => Math.abs(marker - index) <= markerReach)) return { support: 'instructed', read };
    plain ??= read;
  }
  if (named?.()) return { support: 'named' };
  return plain ? { support: 'untrusted', read: plain } : { support: 'none' };
}

/** Whether the user named the person behind an address: a distinctive word of its local part (or of a name) is in their words. */
function namedByUser(address: string, userLower: string): boolean {
  const local = address.split('@')[0] ?? address;
  return local
    .split(/[._+\-\s]+/)
    .some((token) => token.length >= 3 && /^[a-z]+$/.test(token) && !genericNames.has(token) && hasWord(userLower, token));
}

/** Whether `needle` occurs in `text` as a whole word, starting within `[from, to)`. */
function occursWithin(text: string, needle: string, from: number, to: number): boolean {
  const wordCharacter = /[\p{L}\p{N}]/u;
  for (let index = text.indexOf(needle, Math.max(0, from)); index >= 0 && index < to; index = text.indexOf(needle, index + 1)) {
    if (!wordCharacter.test(text[index - 1] ?? ' ') && !wordCharacter.test(text[index + needle.length] ?? ' ')) return true;
  }
  return false;
}
