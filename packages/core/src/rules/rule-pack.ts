import { z } from 'zod';
import { CategorySchema, SurfaceSchema } from '../surface.ts';

/** A rule example: text alone (scanned on the pack's example surface), or text with its surface. */
export const RuleExampleSchema = z.union([z.string(), z.object({ text: z.string(), surface: SurfaceSchema })]);
/** A rule example. */
export type RuleExample = z.infer<typeof RuleExampleSchema>;

/** One rule: data, not code. Every rule carries true- and false-positive examples that the build checks. */
export const RuleSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and dashes'),
    description: z.string().min(1),
    category: CategorySchema,
    /** Confidence 0..1 when the rule matches. */
    score: z.number().min(0).max(1),
    /** Per-surface confidence overrides (e.g. higher inside tool results). A surface at 0 switches the rule off there. */
    surfaceScores: z.partialRecord(SurfaceSchema, z.number().min(0).max(1)).optional(),
    /** Regular expression sources; compiled once with flags `iu` (case-insensitive, Unicode). */
    patterns: z.array(z.string().min(1)).min(1),
    /** Prefilter: the rule runs only when one of these (lower-case) appears in the text. */
    keywords: z.array(z.string().min(1)).optional(),
    /**
     * Prefilter as a regular expression source: the rule's patterns run only on texts where it matches. For rules whose
     * patterns read whole sentences (costly on every sentence start) but all need one rarer phrase somewhere.
     */
    requires: z.string().min(1).optional(),
    /**
     * A weaker reading of a match whose sentence belongs to the text around it: the sentence shares a content word with
     * the rest of the text (stemmed, function words dropped: `detectors/planted-request/topic-words.ts`), or the rest
     * names one of `subjectWords` (the subject the rule's patterns are about, such as letters and strings). A coding
     * exercise about strings that says "reverse every word" states its own task; the same order inside an invoice was
     * planted there. The rule keeps its full score when another match of it is off-topic, when there is no rest, and
     * when the sentence matches `keepWhen`. At score 0 an on-topic match is not reported.
     */
    onTopic: z
      .object({
        score: z.number().min(0).max(1),
        /** Lower-case words; the rest of the text naming one of them puts the sentence on its topic. */
        subjectWords: z.array(z.string().min(1)).optional(),
        /** Regular expression source: a sentence matching it keeps the full score whatever the topic. */
        keepWhen: z.string().min(1).optional(),
      })
      .strict()
      .optional(),
    /** ISO 639-1 codes of the languages the patterns cover. */
    languages: z.array(z.string()).optional(),
    examples: z.object({
      positive: z.array(RuleExampleSchema).min(1),
      negative: z.array(RuleExampleSchema).min(1),
    }),
  })
  .strict();
/** One rule. */
export type Rule = z.infer<typeof RuleSchema>;

/** A named set of rules that compiles into one detector. */
export const RulePackSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
    description: z.string().min(1),
    /** Surfaces the pack applies to. */
    surfaces: z.array(SurfaceSchema).min(1),
    /** The surface examples are scanned on when they do not name one. */
    exampleSurface: SurfaceSchema,
    rules: z.array(RuleSchema).min(1),
  })
  .strict();
/** A named set of rules. */
export type RulePack = z.infer<typeof RulePackSchema>;
/** A rule pack as written (before defaults). */
export type RulePackInput = z.input<typeof RulePackSchema>;
