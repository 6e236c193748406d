import { createHmac } from 'node:crypto';
import type { Finding } from '../finding.ts';
import type { Span } from '../normalize/view.ts';
import type { ExtractedText, JsonPath, Subject } from '../subject.ts';

/** How a redacted value is rewritten. */
export type RedactionStrategy = 'redact' | 'mask' | 'hash';

/** A span to rewrite and the entity it holds. */
export interface RedactionSpan extends Span {
  readonly entity: string;
}

/** What a redaction produced: the rewritten text (and arguments, for tool calls). */
export interface RedactionResult {
  text: string;
  args?: Record<string, unknown>;
  /** The spans rewritten, after overlaps were merged. */
  spans: RedactionSpan[];
  /** The spans of the extracted text actually rewritten, with their replacements (streaming adapters map them onto unreleased text). */
  replaced: Array<{ start: number; end: number; replacement: string }>;
}

/** Options of `redactSubject`. */
export interface RedactOptions {
  readonly strategy: RedactionStrategy;
  /** Key of the keyed hash (HMAC-SHA-256). */
  readonly key: string;
  /** Per-entity strategy (e.g. mask cards, hash emails); falls back to `strategy`. */
  readonly strategyFor?: (entity: string) => RedactionStrategy;
  /** A reversible placeholder for a value under the `redact` strategy (e.g. `[EMAIL_1]`); undefined for a plain one. */
  readonly placeholderFor?: (value: string, entity: string) => string | undefined;
}

/** Merges overlapping spans once: the union is kept, labelled with the entity of its longest part. */
export function mergeSpans(spans: readonly RedactionSpan[]): RedactionSpan[] {
  const sorted = [...spans].filter((span) => span.end > span.start).sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: RedactionSpan[] = [];
  for (const span of sorted) {
    const last = merged[merged.length - 1];
    if (last && span.start < last.end) {
      const entity = span.end - span.start > last.end - last.start ? span.entity : last.entity;
      merged[merged.length - 1] = { start: last.start, end: Math.max(last.end, span.end), entity };
    } else merged.push(span);
  }
  return merged;
}

/** The replacement for one value under a strategy. */
export function replacementFor(value: string, entity: string, options: RedactOptions): string {
  switch (options.strategyFor?.(entity) ?? options.strategy) {
    case 'mask':
      return maskValue(value, entity);
    case 'hash':
      return `[${entity}:${keyedHash(value, options.key)}]`;
    default:
      return options.placeholderFor?.(value, entity) ?? `[${entity}]`;
  }
}

/**
 * Masks a value keeping only what people use to recognise it: the last four digits of a card or account number
 * (separators kept), the first letter and domain of an email, a few characters at each end of anything else.
 */
export function maskValue(value: string, entity: string): string {
  if (entity === 'EMAIL') {
    const at = value.lastIndexOf('@');
    if (at > 0) return `${value[0]}${'*'.repeat(Math.max(3, at - 1))}${value.slice(at)}`;
  }
  const digits = value.replace(/\D/g, '').length;
  if (digits >= 8 && digits / value.replace(/[\s-]/g, '').length > 0.8) {
    let seen = 0;
    let out = '';
    for (let index = value.length - 1; index >= 0; index--) {
      const char = value[index] ?? '';
      if (/\d/.test(char)) {
        seen++;
        out = (seen <= 4 ? char : '*') + out;
      } else out = (/[A-Za-z]/.test(char) ? '*' : char) + out;
    }
    return out;
  }
  if (value.length <= 8) return '*'.repeat(value.length);
  const keep = Math.min(4, Math.floor(value.length / 6));
  return value.slice(0, keep) + '*'.repeat(value.length - keep * 2) + value.slice(value.length - keep);
}

/** A keyed HMAC-SHA-256 fingerprint (16 hex characters) — the key never leaves the guard. */
export function keyedHash(value: string, key: string): string {
  return createHmac('sha256', key).update(value).digest('hex').slice(0, 16);
}

/** Redaction spans from findings that carry a span. */
export function redactionSpans(findings: readonly Finding[]): RedactionSpan[] {
  return findings
    .filter((finding): finding is Finding & { span: Span } => finding.span !== undefined)
    .map((finding) => ({ start: finding.span.start, end: finding.span.end, entity: finding.entity ?? entityOf(finding.category) }));
}

function entityOf(category: string): string {
  return category.replace(/^leak\./, '').toUpperCase().replace(/[^A-Z0-9]+/g, '_');
}

/** Rewrites the spans of a subject's text once; for tool calls the nested argument values are rewritten in place. */
export function redactSubject(subject: Subject, extracted: ExtractedText, spans: readonly RedactionSpan[], options: RedactOptions): RedactionResult {
  const merged = mergeSpans(spans);
  const replaced: RedactionResult['replaced'] = [];
  const text = rewrite(extracted.text, 0, merged, options, replaced);
  if (subject.surface !== 'tool_call') return { text, spans: merged, replaced };
  const args = structuredClone(subject.args);
  for (const segment of extracted.segments) {
    const inside = merged.filter((span) => span.start < segment.end && span.end > segment.start);
    if (inside.length === 0) continue;
    const value = extracted.text.slice(segment.start, segment.end);
    const clipped = inside.map((span) => ({
      start: Math.max(span.start, segment.start),
      end: Math.min(span.end, segment.end),
      entity: span.entity,
    }));
    setPath(args, segment.path.slice(1), rewrite(value, segment.start, clipped, options));
  }
  return { text, args, spans: merged, replaced };
}

function rewrite(text: string, offset: number, spans: readonly RedactionSpan[], options: RedactOptions, replaced?: RedactionResult['replaced']): string {
  let out = '';
  let cursor = 0;
  for (const span of spans) {
    const start = span.start - offset;
    const end = span.end - offset;
    if (start < cursor || start >= text.length) continue;
    const replacement = replacementFor(text.slice(start, end), span.entity, options);
    replaced?.push({ start: span.start, end: span.end, replacement });
    out += text.slice(cursor, start) + replacement;
    cursor = end;
  }
  return out + text.slice(cursor);
}

function setPath(target: Record<string, unknown>, path: JsonPath, value: string): void {
  let node: unknown = target;
  for (let index = 0; index < path.length - 1; index++) {
    node = (node as Record<string | number, unknown>)[path[index] as string | number];
  }
  const last = path[path.length - 1];
  if (last !== undefined && node && typeof node === 'object') (node as Record<string | number, unknown>)[last] = value;
}
