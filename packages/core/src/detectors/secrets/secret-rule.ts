import { z } from 'zod';
import { secretChecksums } from './checksums.ts';

/** Where a credential comes from, for docs and per-group reporting. */
export const SecretGroupSchema = z.enum([
  'cloud', 'vcs', 'ci', 'registry', 'payment', 'messaging', 'ai', 'database', 'observability', 'saas', 'key', 'token', 'generic',
]);
/** Where a credential comes from. */
export type SecretGroup = z.infer<typeof SecretGroupSchema>;

/**
 * One secret rule, as data (gitleaks-style): a keyword prefilter, one regular expression whose named group `secret`
 * (or the whole match) is the credential, an optional Shannon-entropy floor and provider checksum, and examples
 * that the table tester runs.
 */
export const SecretRuleSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and dashes'),
    description: z.string().min(1),
    group: SecretGroupSchema,
    /** Redaction placeholder entity, e.g. `GITHUB_TOKEN`. */
    entity: z.string().regex(/^[A-Z][A-Z0-9_]*$/),
    /** Lower-case strings, one of which must appear (case-insensitively) before the pattern runs. */
    keywords: z.array(z.string().min(2)).min(1),
    /** Regular expression source, compiled once with flag `g` (plus `i` when `ignoreCase`). */
    pattern: z.string().min(1),
    ignoreCase: z.boolean().default(false),
    /** Minimum Shannon entropy (bits per character) of the secret. */
    minEntropy: z.number().min(0).max(8).optional(),
    /** A provider checksum the secret must satisfy. */
    checksum: z.enum(Object.keys(secretChecksums) as [keyof typeof secretChecksums]).optional(),
    /** Skips the placeholder allowlist (for formats whose real values contain repeated characters). */
    allowPlaceholderShapes: z.boolean().default(false),
    /** Rejects values that read like code, paths or words (for keyword-anchored generic rules). */
    strictValue: z.boolean().default(false),
    /** Confidence when the rule matches. */
    score: z.number().min(0).max(1).default(0.95),
    examples: z.object({
      positive: z.array(z.string()).min(1),
      negative: z.array(z.string()).min(1),
    }),
  })
  .strict();
/** One secret rule. */
export type SecretRule = z.infer<typeof SecretRuleSchema>;
/** A secret rule as written (defaults not yet applied). */
export type SecretRuleInput = z.input<typeof SecretRuleSchema>;
