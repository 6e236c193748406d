import type { Detector } from '../../detector.ts';
import { BulwarkConfigError } from '../../errors.ts';
import type { Finding } from '../../finding.ts';
import type { TextView } from '../../normalize/view.ts';
import { formatIssues } from '../../policy/load-policy.ts';
import { isPlaceholderSecret, looksLikeCodeOrWords } from './allowlist.ts';
import { secretChecksums } from './checksums.ts';
import { shannonEntropy } from './entropy.ts';
import { tokenStart } from './rules/boundaries.ts';
import { builtinSecretRules } from './rules/index.ts';
import { SecretRuleSchema, type SecretRule, type SecretRuleInput } from './secret-rule.ts';

interface CompiledSecretRule {
  /** Position in the rule list: earlier (more specific) rules win overlapping matches. */
  readonly order: number;
  readonly rule: SecretRule;
  readonly pattern: RegExp;
  /** The match must start at a token boundary (checked in code; see `tokenStart`). */
  readonly tokenBoundary: boolean;
}

/** Views a secret can hide in: the text itself, and layers decoded from it (base64, hex, URL, Unicode tags). */
const scannedViewKinds: ReadonlySet<string> = new Set(['normalized', 'base64', 'hex', 'url', 'tags']);

/** One secret found in one view, before it becomes a finding. */
export interface SecretMatch {
  readonly rule: SecretRule;
  /** Offsets of the secret inside the view text. */
  readonly start: number;
  readonly end: number;
  readonly secret: string;
}

/** A compiled set of secret rules sharing one keyword prefilter. */
export interface SecretScanner {
  readonly rules: readonly SecretRule[];
  /** Every secret in a text (offsets in that text). */
  scanText(text: string): SecretMatch[];
}

/** Compiles secret rules once: validates them, builds the keyword prefilter shared by all rules. */
export function createSecretScanner(ruleInputs: readonly SecretRuleInput[] = builtinSecretRules): SecretScanner {
  const compiled: CompiledSecretRule[] = ruleInputs.map((input, index) => {
    const parsed = SecretRuleSchema.safeParse(input);
    if (!parsed.success) throw new BulwarkConfigError(formatIssues(parsed.error, `secret rule ${index}`));
    const rule = parsed.data;
    try {
      const tokenBoundary = rule.pattern.startsWith(tokenStart);
      const source = tokenBoundary ? rule.pattern.slice(tokenStart.length) : rule.pattern;
      return { order: index, rule, tokenBoundary, pattern: new RegExp(source, rule.ignoreCase ? 'gi' : 'g') };
    } catch (error) {
      throw new BulwarkConfigError(`secret rule ${rule.id}.pattern: ${(error as Error).message}`);
    }
  });
  const ids = new Set<string>();
  for (const { rule } of compiled) {
    if (ids.has(rule.id)) throw new BulwarkConfigError(`secret rule ${rule.id}: duplicate id`);
    ids.add(rule.id);
  }
  const rulesByKeyword = new Map<string, CompiledSecretRule[]>();
  for (const entry of compiled) {
    for (const keyword of entry.rule.keywords) {
      const key = keyword.toLowerCase();
      rulesByKeyword.set(key, [...(rulesByKeyword.get(key) ?? []), entry]);
    }
  }
  // One prefilter for every rule: keywords indexed by their first two characters, checked in one pass over the text.
  const keywordsByPrefix = new Map<number, string[]>();
  for (const keyword of rulesByKeyword.keys()) {
    const prefix = keyword.charCodeAt(0) * 65536 + keyword.charCodeAt(1);
    keywordsByPrefix.set(prefix, [...(keywordsByPrefix.get(prefix) ?? []), keyword]);
  }
  const keywordsIn = (lower: string): Set<string> => {
    const found = new Set<string>();
    for (let index = 0; index + 1 < lower.length; index++) {
      const candidates = keywordsByPrefix.get(lower.charCodeAt(index) * 65536 + lower.charCodeAt(index + 1));
      if (!candidates) continue;
      for (const keyword of candidates) if (!found.has(keyword) && lower.startsWith(keyword, index)) found.add(keyword);
    }
    return found;
  };

  return {
    rules: compiled.map((entry) => entry.rule),
    scanText(text) {
      const candidates = new Set<CompiledSecretRule>();
      for (const keyword of keywordsIn(text.toLowerCase())) {
        for (const entry of rulesByKeyword.get(keyword) ?? []) candidates.add(entry);
      }
      const matches: SecretMatch[] = [];
      // Values a provider rule recognised but whose checksum failed are not credentials; generic rules skip them too.
      const vetoed: Array<{ start: number; end: number }> = [];
      for (const entry of [...candidates].sort((a, b) => a.order - b.order)) {
        for (const match of matchRule(entry, text, vetoed)) {
          // One credential, one finding: the most specific rule keeps an overlapping match.
          if (!matches.some((other) => other.start < match.end && match.start < other.end)) matches.push(match);
        }
      }
      return matches;
    },
  };
}

function matchRule(entry: CompiledSecretRule, text: string, vetoed: Array<{ start: number; end: number }>): SecretMatch[] {
  const { rule, pattern } = entry;
  const matches: SecretMatch[] = [];
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const accepted = (!entry.tokenBoundary || atTokenStart(text, match.index)) && acceptMatch(rule, match, vetoed);
    if (accepted) matches.push(accepted);
    // A rejected candidate may hide a real one that starts inside it (`CREDENTIAL=client_secret: <value>`).
    else pattern.lastIndex = match.index + 1;
  }
  return matches;
}

/** Not preceded by a letter, digit or underscore, unless by a percent-escape such as `%3D`. */
function atTokenStart(text: string, index: number): boolean {
  if (index === 0) return true;
  const code = text.charCodeAt(index - 1);
  const word = (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
  return !word || (index >= 3 && text[index - 3] === '%' && /^[0-9A-Fa-f]{2}$/.test(text.slice(index - 2, index)));
}

function acceptMatch(rule: SecretRule, match: RegExpExecArray, vetoed: Array<{ start: number; end: number }>): SecretMatch | undefined {
  const secret = match.groups?.secret ?? match[0];
  if (secret.length === 0) return undefined;
  const offset = match.groups?.secret !== undefined ? match[0].indexOf(secret) : 0;
  const start = match.index + Math.max(0, offset);
  if (rule.minEntropy !== undefined && shannonEntropy(secret) < rule.minEntropy) return undefined;
  if (rule.checksum && !secretChecksums[rule.checksum](secret)) {
    vetoed.push({ start, end: start + secret.length });
    return undefined;
  }
  if (vetoed.some((span) => span.start < start + secret.length && start < span.end)) return undefined;
  if (!rule.allowPlaceholderShapes && isPlaceholderSecret(secret)) return undefined;
  if (rule.strictValue && looksLikeCodeOrWords(secret)) return undefined;
  return { rule, start, end: start + secret.length, secret };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Options of the secrets detector. */
export interface SecretsDetectorOptions {
  /** Replaces the built-in rules. */
  rules?: readonly SecretRuleInput[];
  /** Added to the built-in (or given) rules. */
  extraRules?: readonly SecretRuleInput[];
}

/**
 * Finds credentials — provider API keys and tokens (with checksums where the provider has one), private keys,
 * JWTs, connection strings with passwords and high-entropy credential assignments — in every surface, including
 * values decoded from base64, hex and URL encoding.
 */
export function createSecretsDetector(options: SecretsDetectorOptions = {}): Detector & { readonly scanner: SecretScanner } {
  const scanner = createSecretScanner([...(options.rules ?? builtinSecretRules), ...(options.extraRules ?? [])]);
  return {
    scanner,
    meta: {
      id: 'secrets',
      categories: ['leak.secret'],
      surfaces: ['prompt', 'model_output', 'tool_call', 'tool_result', 'document'],
      description: 'Finds API keys, tokens, private keys, JWTs and passwords (provider rules with keyword prefilter, entropy and checksums).',
    },
    scan(input) {
      const findings: Finding[] = [];
      const taken: Array<{ start: number; end: number }> = [];
      for (const view of input.normalized.views) {
        if (!scannedViewKinds.has(view.kind)) continue;
        for (const match of scanner.scanText(view.text)) {
          const span = view.toOriginal(match.start, match.end);
          if (taken.some((other) => other.start < span.end && span.start < other.end)) continue;
          taken.push(span);
          findings.push(toFinding(match, span, view));
        }
      }
      return findings;
    },
  };
}

function toFinding(match: SecretMatch, span: { start: number; end: number }, view: TextView): Finding {
  return {
    detector: `secrets/${match.rule.id}`,
    category: 'leak.secret',
    score: match.rule.score,
    message: match.rule.description,
    span,
    entity: match.rule.entity,
    ...(view.kind !== 'normalized' ? { view: view.kind } : {}),
    evidence: `${match.rule.entity} (${match.secret.length} chars)`,
  };
}
