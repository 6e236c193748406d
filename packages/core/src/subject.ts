import { z } from 'zod';

/** How deep a structured value (tool arguments, tool schemas) may nest: the engine scans every level up to it. */
export const maxJsonDepth = 32;
/** Most values one structured value may hold (a shared reference counts each time it is reached). */
const maxJsonValues = 1_000_000;

/**
 * Why a structured value cannot be scanned whole, if it cannot: a cycle, a level deeper than `maxJsonDepth`, or more
 * than `maxJsonValues` values. Such a value is rejected at the edge rather than partly scanned (or never finishing).
 */
function unscannableShape(root: unknown): string | undefined {
  let visited = 0;
  const ancestors = new Set<object>();
  function visit(value: unknown, depth: number): string | undefined {
    if (++visited > maxJsonValues) return `holds more than ${maxJsonValues} values`;
    if (depth > maxJsonDepth) return `is nested deeper than ${maxJsonDepth} levels`;
    if (value === null || typeof value !== 'object') return undefined;
    if (ancestors.has(value)) return 'contains a cycle';
    ancestors.add(value);
    for (const item of Array.isArray(value) ? value : Object.values(value)) {
      const problem = visit(item, depth + 1);
      if (problem) return problem;
    }
    ancestors.delete(value);
    return undefined;
  }
  return visit(root, 0);
}

const JsonObjectSchema = z.record(z.string(), z.unknown()).superRefine((value, context) => {
  const problem = unscannableShape(value);
  if (problem) context.addIssue({ code: 'custom', message: `this value ${problem}` });
});

/** An MCP-style tool definition, as scanned for tool poisoning. */
export const ToolDefinitionSchema = z.object({
  name: z.string().min(1),
  title: z.string().optional(),
  description: z.string().default(''),
  inputSchema: JsonObjectSchema.optional(),
  outputSchema: JsonObjectSchema.optional(),
  annotations: JsonObjectSchema.optional(),
});
/** An MCP-style tool definition. */
export type ToolDefinition = z.infer<typeof ToolDefinitionSchema>;

const common = { id: z.string().optional() };

/** What is scanned, with its surface. */
export const SubjectSchema = z.discriminatedUnion('surface', [
  z.object({ ...common, surface: z.literal('prompt'), text: z.string() }),
  z.object({ ...common, surface: z.literal('model_output'), text: z.string() }),
  z.object({ ...common, surface: z.literal('tool_call'), tool: z.string().min(1), args: JsonObjectSchema.default({}) }),
  z.object({ ...common, surface: z.literal('tool_result'), tool: z.string().optional(), text: z.string() }),
  z.object({ ...common, surface: z.literal('document'), source: z.string().optional(), text: z.string() }),
  z.object({ ...common, surface: z.literal('tool_definition'), tool: ToolDefinitionSchema, server: z.string().optional() }),
]);
/** What is scanned, with its surface. */
export type Subject = z.infer<typeof SubjectSchema>;
/** A subject as callers may write it (defaults not yet applied). */
export type SubjectInput = z.input<typeof SubjectSchema>;

/** A path into a JSON value: object keys and array indexes. */
export type JsonPath = readonly (string | number)[];

/** Where one string value of a structured subject sits inside the extracted text. */
export interface TextSegment {
  /** Path of the value inside the subject (`['args','to']`, `['tool','description']`). */
  readonly path: JsonPath;
  readonly start: number;
  readonly end: number;
}

/** The text of a subject, extracted once, with the location of every string value it came from. */
export interface ExtractedText {
  readonly text: string;
  readonly segments: readonly TextSegment[];
}

const separator = '\n';

/** Extracts the scannable text of a subject once; structured values (tool arguments, schemas) keep their paths. */
export function extractText(subject: Subject): ExtractedText {
  switch (subject.surface) {
    case 'tool_call':
      return joinValues(collectStrings(subject.args, ['args']));
    case 'tool_definition': {
      const values: Array<[JsonPath, string]> = [[['tool', 'name'], subject.tool.name]];
      if (subject.tool.title) values.push([['tool', 'title'], subject.tool.title]);
      values.push([['tool', 'description'], subject.tool.description]);
      if (subject.tool.inputSchema) values.push(...collectStrings(subject.tool.inputSchema, ['tool', 'inputSchema'], [], 0, true));
      if (subject.tool.outputSchema) values.push(...collectStrings(subject.tool.outputSchema, ['tool', 'outputSchema'], [], 0, true));
      return joinValues(values);
    }
    default:
      return { text: subject.text, segments: [{ path: ['text'], start: 0, end: subject.text.length }] };
  }
}

/**
 * Every string (and number, as text) inside a JSON value with its path. With `keys` (tool schemas, which are only
 * scanned, never rewritten), object keys are collected too — a parameter name can carry instructions as well as a
 * description can; the segment of a key has the path of its value.
 */
export function collectStrings(value: unknown, path: JsonPath, out: Array<[JsonPath, string]> = [], depth = 0, keys = false): Array<[JsonPath, string]> {
  if (depth > maxJsonDepth) return out;
  if (typeof value === 'string') out.push([path, value]);
  else if (typeof value === 'number' || typeof value === 'bigint') out.push([path, String(value)]);
  else if (Array.isArray(value)) value.forEach((item, index) => collectStrings(item, [...path, index], out, depth + 1, keys));
  else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (keys) out.push([[...path, key], key]);
      collectStrings(item, [...path, key], out, depth + 1, keys);
    }
  }
  return out;
}

function joinValues(values: ReadonlyArray<readonly [JsonPath, string]>): ExtractedText {
  const segments: TextSegment[] = [];
  let text = '';
  for (const [path, value] of values) {
    if (text.length > 0) text += separator;
    segments.push({ path, start: text.length, end: text.length + value.length });
    text += value;
  }
  return { text, segments };
}

/** The segment a text offset falls in, if any. */
export function segmentAt(extracted: ExtractedText, offset: number): TextSegment | undefined {
  return extracted.segments.find((segment) => offset >= segment.start && offset < segment.end);
}
