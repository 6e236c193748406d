import { readFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { BulwarkConfigError } from '../errors.ts';
import { PolicySchema, type Policy, type PolicyInput } from './policy-schema.ts';

/** Parses and validates a policy object; errors name the field (`policy.categories.injection.threshold: …`). */
export function parsePolicy(input: unknown, source = 'policy'): Policy {
  const result = PolicySchema.safeParse(input ?? {});
  if (!result.success) throw new BulwarkConfigError(formatIssues(result.error, source));
  return result.data;
}

/** Parses policy text, YAML or JSON (JSON is YAML). */
export function parsePolicyText(text: string, source = 'policy'): Policy {
  let data: unknown;
  try {
    data = parseYaml(text);
  } catch (error) {
    throw new BulwarkConfigError(`${source}: not valid YAML/JSON: ${(error as Error).message}`);
  }
  return parsePolicy(data, source);
}

/** Loads a policy file (`.yaml`, `.yml` or `.json`). */
export async function loadPolicyFile(path: string): Promise<Policy> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new BulwarkConfigError(`${path}: cannot read policy file: ${(error as Error).message}`);
  }
  return parsePolicyText(text, path);
}

/** A policy from a parsed policy, user input, or nothing (defaults). */
export function resolvePolicy(policy: Policy | PolicyInput | undefined): Policy {
  return parsePolicy(policy ?? {});
}

/** Turns zod issues into one readable message naming each field. */
export function formatIssues(error: z.ZodError, source: string): string {
  return error.issues
    .map((issue) => {
      const path = issue.path.length > 0 ? `${source}.${issue.path.map(String).join('.')}` : source;
      return `${path}: ${issue.message}`;
    })
    .join('; ');
}
