import { z } from 'zod';
import { BulwarkConfigError } from '../errors.ts';
import { formatIssues } from '../policy/load-policy.ts';
import type { Policy } from '../policy/policy-schema.ts';

/** `policy.detectors.options.pii`. */
export const PiiOptionsSchema = z.object({ disable: z.array(z.string()).default([]) }).strict();
/** `policy.detectors.options.exfiltration`. */
export const ExfiltrationOptionsSchema = z.object({ allowedDomains: z.array(z.string().min(1)).default([]) }).strict();

/** Parses one detector's options from the policy; errors name the field. */
export function detectorOptions<Schema extends z.ZodType>(policy: Policy, detectorId: string, schema: Schema): z.infer<Schema> {
  const result = schema.safeParse(policy.detectors.options[detectorId] ?? {});
  if (!result.success) throw new BulwarkConfigError(formatIssues(result.error, `policy.detectors.options.${detectorId}`));
  return result.data;
}
