import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import { canonicalJson, fingerprint } from './canonical-json.ts';

/** The parts of a tool definition that are pinned: everything a model reads or a client enforces. */
export const pinnedFields = ['name', 'title', 'description', 'inputSchema', 'outputSchema', 'annotations', 'execution'] as const;
/** One pinned field. */
export type PinnedField = (typeof pinnedFields)[number];

/** A tool definition reduced to its pinned fields. */
export type PinnedDefinition = Partial<Record<PinnedField, unknown>> & { name: string };

/** The pinned fields of a tool (icons and `_meta` are presentation, not behaviour). */
export function pinnedDefinition(tool: Tool): PinnedDefinition {
  const out: Record<string, unknown> = { name: tool.name };
  for (const field of pinnedFields) {
    const value = (tool as Record<string, unknown>)[field];
    if (value !== undefined) out[field] = value;
  }
  return out as PinnedDefinition;
}

/** The fingerprint of a tool's pinned fields. */
export function toolFingerprint(tool: Tool): string {
  return fingerprint(pinnedDefinition(tool));
}

/** The pinned fields that differ between two definitions. */
export function changedFields(before: PinnedDefinition, after: PinnedDefinition): PinnedField[] {
  return pinnedFields.filter((field) => canonicalJson(before[field] ?? null) !== canonicalJson(after[field] ?? null));
}
