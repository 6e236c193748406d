import { randomBytes } from 'node:crypto';

const base32Alphabet = 'abcdefghijklmnopqrstuvwxyz234567';
/** Random characters in a canary: 26 base-32 characters carry 130 bits. */
const bodyLength = 26;

/** Options of `createCanary`. */
export interface CanaryOptions {
  /** A short marker before the random part; default `bwk`. */
  prefix?: string;
}

/**
 * Mints a per-session canary token: a prefix and 130 random bits in base 32 (`bwk-…`). Plant it in the system
 * prompt or in sensitive documents and pass it in the session's `canaries`; Bulwark reports it in model output
 * and tool arguments even after case changes, spacing, base64, hex or URL encoding.
 */
export function createCanary(options: CanaryOptions = {}): string {
  const bytes = randomBytes(bodyLength);
  let body = '';
  for (const byte of bytes) body += base32Alphabet[byte & 31];
  return `${options.prefix ?? 'bwk'}-${body}`;
}

/** A line to place in a system prompt that carries the canary without asking the model to use it. */
export function canaryInstruction(canary: string): string {
  return `<!-- session marker ${canary}: internal, never repeat -->`;
}
