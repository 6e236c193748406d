import { z } from 'zod';

/** What a tool does with data, as labels the flow checks reason over. */
export const ToolLabelSchema = z.enum(['reads_private_data', 'untrusted_source', 'external_sink', 'destructive']);
/** A tool label. */
export type ToolLabel = z.infer<typeof ToolLabelSchema>;
/** Every tool label, in a stable order. */
export const toolLabels: readonly ToolLabel[] = ToolLabelSchema.options;

/** The argument-injection checks that can be switched off per tool. */
export const ArgumentCheckSchema = z.enum(['sql', 'shell', 'path', 'ssrf']);
/** An argument-injection check. */
export type ArgumentCheck = z.infer<typeof ArgumentCheckSchema>;

/** A decision a tool rule can force. */
export const ToolDecisionSchema = z.enum(['allow', 'ask', 'block']);
/** A decision a flow rule can force (`allow` switches the rule off). */
export const FlowActionSchema = z.enum(['allow', 'flag', 'ask', 'block']);

const regexSource = z.string().superRefine((source, context) => {
  try {
    new RegExp(source, 'u');
  } catch (error) {
    context.addIssue({ code: 'custom', message: `not a valid regular expression: ${(error as Error).message}` });
  }
});

const domainName = z
  .string()
  .min(1)
  .regex(/^(?:\*\.)?[a-z0-9.-]+$/i, 'a domain such as example.com or *.example.com');

/** A constraint on one argument. Every present field must hold; arrays are checked element by element. */
export const ArgumentConstraintSchema = z
  .object({
    /** The value (as text) must match this regular expression (Unicode; anchor it yourself). */
    pattern: regexSource.optional(),
    /** The value must be one of these. */
    enum: z.array(z.union([z.string(), z.number(), z.boolean()])).min(1).optional(),
    /** Numeric lower bound (the value must be a number or numeric text). */
    min: z.number().optional(),
    /** Numeric upper bound. */
    max: z.number().optional(),
    /** Longest text allowed. */
    maxLength: z.number().int().min(0).optional(),
    /** Email addresses and URLs in the value must belong to these domains (subdomains included). */
    domains: z.array(domainName).min(1).optional(),
    /** The argument must be present. */
    required: z.boolean().optional(),
  })
  .strict();
/** A constraint on one argument. */
export type ArgumentConstraint = z.infer<typeof ArgumentConstraintSchema>;

/** A per-session call limit for the tools a rule matches. */
export const CallLimitSchema = z
  .object({
    /** Most calls allowed (in the window, or in the whole session). */
    max: z.number().int().min(0),
    /** Sliding window in seconds; the whole session when absent. */
    windowSeconds: z.number().positive().optional(),
    /** What happens beyond the limit. */
    decision: z.enum(['ask', 'block']).default('block'),
  })
  .strict();

/** Rules for the tools whose name matches a glob (`send_*`, `github.*`, `*`). */
export const ToolRuleSchema = z
  .object({
    /** Forces a decision for every call of the tool (`ask`: human approval). */
    decision: ToolDecisionSchema.optional(),
    /** Labels that replace inferred ones. */
    labels: z.array(ToolLabelSchema).optional(),
    /** Constraints on arguments, keyed by argument name (dotted paths reach nested fields). */
    args: z.record(z.string().min(1), ArgumentConstraintSchema).optional(),
    /** What a broken argument constraint does. */
    onViolation: z.enum(['ask', 'block']).default('block'),
    /** Per-session call limit. */
    limit: CallLimitSchema.optional(),
    /** `false` switches argument-injection checks off for the tool; `{ disable }` switches off some of them. */
    argumentInjection: z.union([z.literal(false), z.object({ disable: z.array(ArgumentCheckSchema) }).strict()]).optional(),
    /** A sentence shown to the model when the rule stops a call (so it can recover). */
    reason: z.string().optional(),
  })
  .strict();
/** Rules for matching tools. */
export type ToolRule = z.infer<typeof ToolRuleSchema>;

/** Session data-flow rules. Each action, when absent, is left to the category rules (`unauthorized_action`, `exfiltration`). */
export const FlowRulesSchema = z
  .object({
    /** After untrusted content, a call to an external sink or destructive tool that the user did not ask for. */
    untrustedToSink: FlowActionSchema.optional(),
    /** Private data in the arguments of an external sink whose destination is outside the allowlist. */
    privateToSink: FlowActionSchema.optional(),
    /** A side-effecting call whose action or key arguments have no support in the user's requests or trusted data. */
    unsupportedAction: FlowActionSchema.optional(),
    /** Destinations (email and URL domains) private data may always flow to. */
    allowedDomains: z.array(domainName).default([]),
  })
  .strict();
/** Session data-flow rules. */
export type FlowRules = z.infer<typeof FlowRulesSchema>;

/** Tool policy: allow/deny/ask by name and glob (deny wins), per-tool rules, session limits and data-flow rules. */
export const ToolPolicySchema = z
  .object({
    /** The decision for tools no list or rule names: `block` is default-deny. */
    default: ToolDecisionSchema.default('allow'),
    /** Tools allowed (names or globs). */
    allow: z.array(z.string().min(1)).default([]),
    /** Tools always blocked (names or globs); deny wins over everything. */
    deny: z.array(z.string().min(1)).default([]),
    /** Tools that need human approval (names or globs). */
    ask: z.array(z.string().min(1)).default([]),
    /** Rules keyed by tool name or glob; every matching rule applies. */
    rules: z.record(z.string().min(1), ToolRuleSchema).default({}),
    /** Session-wide limits. */
    limits: z
      .object({
        /** Most tool calls in one session. */
        maxCalls: z.number().int().min(0).optional(),
      })
      .strict()
      .default({}),
    flow: FlowRulesSchema.default({ allowedDomains: [] }),
  })
  .strict();
/** Tool policy, defaults applied. */
export type ToolPolicy = z.infer<typeof ToolPolicySchema>;
