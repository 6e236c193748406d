import type { ArgumentConstraint } from '../../policy/tool-policy-schema.ts';
import { emailsIn, hostOf, inDomains, urlsIn } from '../data-flow/text-keys.ts';

/** An argument constraint with its regular expression compiled once. */
export interface CompiledConstraint {
  readonly argument: string;
  readonly constraint: ArgumentConstraint;
  readonly pattern?: RegExp;
}

/** Compiles the constraints of one rule. */
export function compileConstraints(args: Readonly<Record<string, ArgumentConstraint>> | undefined): CompiledConstraint[] {
  return Object.entries(args ?? {}).map(([argument, constraint]) => ({
    argument,
    constraint,
    ...(constraint.pattern !== undefined ? { pattern: new RegExp(constraint.pattern, 'u') } : {}),
  }));
}

/** The values at a dotted path; arrays along the way are expanded. */
export function valuesAt(args: Readonly<Record<string, unknown>>, path: string): unknown[] {
  let current: unknown[] = [args];
  for (const part of path.split('.')) {
    const next: unknown[] = [];
    for (const value of current) {
      const items = Array.isArray(value) ? value : [value];
      for (const item of items) {
        if (item && typeof item === 'object' && !Array.isArray(item) && part in item) next.push((item as Record<string, unknown>)[part]);
      }
    }
    current = next;
  }
  return current.flatMap((value) => (Array.isArray(value) ? value : [value]));
}

/** The broken parts of one constraint for a call's arguments, each a sentence naming the argument. */
export function checkConstraint(compiled: CompiledConstraint, args: Readonly<Record<string, unknown>>): string[] {
  const { argument, constraint, pattern } = compiled;
  const values = valuesAt(args, argument).filter((value) => value !== undefined && value !== null);
  if (values.length === 0) return constraint.required ? [`argument '${argument}' is required`] : [];
  const problems: string[] = [];
  for (const value of values) {
    const text = typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
    if (pattern && !pattern.test(text)) problems.push(`argument '${argument}' does not match the allowed pattern`);
    if (constraint.enum && !constraint.enum.some((allowed) => allowed === value || String(allowed) === text)) {
      problems.push(`argument '${argument}' must be one of ${constraint.enum.map((allowed) => JSON.stringify(allowed)).join(', ')}`);
    }
    if (constraint.min !== undefined || constraint.max !== undefined) {
      const number = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value.replace(/[,\s]/g, '')) : Number.NaN;
      if (!Number.isFinite(number)) problems.push(`argument '${argument}' must be a number`);
      else if (constraint.min !== undefined && number < constraint.min) problems.push(`argument '${argument}' is below the minimum ${constraint.min}`);
      else if (constraint.max !== undefined && number > constraint.max) problems.push(`argument '${argument}' is above the maximum ${constraint.max}`);
    }
    if (constraint.maxLength !== undefined && text.length > constraint.maxLength) problems.push(`argument '${argument}' is longer than ${constraint.maxLength} characters`);
    const domains = constraint.domains;
    if (domains) {
      const hosts = [...emailsIn(text).map((email) => email.split('@')[1] ?? ''), ...urlsIn(text).map((url) => hostOf(url) ?? '')];
      if (hosts.length === 0) problems.push(`argument '${argument}' must be an address in ${domains.join(', ')}`);
      const outside = hosts.filter((host) => !inDomains(host, domains));
      if (outside.length > 0) problems.push(`argument '${argument}' goes to ${[...new Set(outside)].join(', ')}, outside the allowed domains ${domains.join(', ')}`);
    }
  }
  return [...new Set(problems)];
}
