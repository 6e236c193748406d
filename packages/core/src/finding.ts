import { z } from 'zod';
import { CategorySchema, DecisionSchema } from './surface.ts';

/** A span of the subject's extracted text, `[start, end)`. */
export const SpanSchema = z.object({ start: z.number().int().min(0), end: z.number().int().min(0) });

/** One thing a detector found: what, how sure, where, and why. */
export const FindingSchema = z.object({
  /** The detector (and rule) that produced it, e.g. `instruction-override/ignore-previous`. */
  detector: z.string(),
  category: CategorySchema,
  score: z.number().min(0).max(1),
  message: z.string(),
  /** Where in the subject's extracted text (original offsets, also for matches found in a decoded view). */
  span: SpanSchema.optional(),
  /** The view the match was found in, when not the normalized text (`base64`, `tags`, `leet`…). */
  view: z.string().optional(),
  /** Entity type for redaction placeholders (`EMAIL`, `AWS_ACCESS_KEY`…). */
  entity: z.string().optional(),
  /** Short, non-secret evidence (never the raw value of a secret or PII). */
  evidence: z.string().optional(),
  /** A decision an explicit policy rule demands (tool deny/ask lists, limits): it replaces the category's threshold rule. */
  decision: DecisionSchema.optional(),
});
/** One thing a detector found. */
export type Finding = z.infer<typeof FindingSchema>;
