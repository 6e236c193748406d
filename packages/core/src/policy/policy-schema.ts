import { z } from 'zod';
import { CategorySchema, DecisionSchema, SurfaceSchema } from '../surface.ts';
import { ToolPolicySchema } from './tool-policy-schema.ts';

/** What to do with one category once its score crosses the threshold. */
export const CategoryRuleSchema = z
  .object({
    /** The decision when `score ≥ threshold`. */
    action: DecisionSchema,
    /** Score at which `action` applies. */
    threshold: z.number().min(0).max(1),
    /** Score at which the subject is at least flagged (monitoring); omit for no flag tier. */
    flagAt: z.number().min(0).max(1).optional(),
  })
  .strict();
/** What to do with one category. */
export type CategoryRule = z.infer<typeof CategoryRuleSchema>;

const CategoryRulesSchema = z.partialRecord(CategorySchema, CategoryRuleSchema.partial().strict());

/** Per-surface overrides of category rules. */
export const SurfaceRuleSchema = z
  .object({
    categories: CategoryRulesSchema.optional(),
    /** Detector ids switched off on this surface. */
    disable: z.array(z.string()).optional(),
  })
  .strict();

/** How a value is rewritten: `block` refuses the whole subject instead of rewriting it. */
export const RedactionStrategySchema = z.enum(['redact', 'mask', 'hash', 'block']);

/** How redacted values are rewritten. */
export const RedactionSchema = z
  .object({
    /** `redact`: a typed placeholder `[EMAIL]`; `mask`: keep a few characters `**** 0698`; `hash`: keyed HMAC-SHA-256 `[EMAIL:3f1c…]`; `block`: refuse the subject. */
    strategy: RedactionStrategySchema.default('redact'),
    /** Strategy per entity (`CREDIT_CARD: mask`, `PRIVATE_KEY: block`), overriding `strategy`. */
    entities: z.record(z.string().regex(/^[A-Z][A-Z0-9_]*$/, 'entity names are upper-case (EMAIL, CREDIT_CARD)'), RedactionStrategySchema).default({}),
    /**
     * Reversible placeholders (`[EMAIL_1]`) for values redacted from the prompt and tool results, remembered per
     * session so `guard.restore()` can put them back into the answer shown to the user (never into tool arguments).
     */
    reversible: z.boolean().default(false),
    /** Key for `hash` (and audit fingerprints). Never logged. A random key per guard when absent. */
    hashKey: z.string().min(16).optional(),
  })
  .strict();

/** The guard's policy: thresholds per category and surface, what each decision does, and failure behaviour. */
export const PolicySchema = z
  .object({
    /** `enforce` acts on decisions; `shadow` records what would have happened and allows everything. */
    mode: z.enum(['enforce', 'shadow']).default('enforce'),
    /** What a detector that throws means: `closed` blocks the subject, `open` lets it through (both logged). */
    failMode: z.enum(['closed', 'open']).default('closed'),
    categories: CategoryRulesSchema.default({}),
    surfaces: z.partialRecord(SurfaceSchema, SurfaceRuleSchema).default({}),
    detectors: z
      .object({
        /** Detector ids switched off everywhere. */
        disable: z.array(z.string()).default([]),
        /** Options per detector id (validated by each detector). */
        options: z.record(z.string(), z.unknown()).default({}),
      })
      .strict()
      .default({ disable: [], options: {} }),
    redaction: RedactionSchema.default({ strategy: 'redact', entities: {}, reversible: false }),
    /** The replacement text shown when a model output or prompt is blocked. */
    blockMessage: z.string().default('This content was blocked by Bulwark because it appears unsafe.'),
    /** Tool rules: allow/deny/ask lists, argument constraints, labels, limits and data-flow rules. */
    tools: ToolPolicySchema.default(() => ToolPolicySchema.parse({})),
  })
  .strict();
/** A parsed policy, with defaults applied. */
export type Policy = z.infer<typeof PolicySchema>;
/** A policy as written by users (every field optional). */
export type PolicyInput = z.input<typeof PolicySchema>;
