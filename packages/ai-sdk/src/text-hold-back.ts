import type { RedactedSpan } from '@bulwark/core';

/**
 * The text of `original[from, to)` with the redacted spans inside it replaced. A span that starts before `from`
 * (found only after part of it left — a hold-back window shorter than the secret) has its unreleased remainder
 * dropped and its replacement emitted instead.
 */
export function rewriteRange(original: string, from: number, to: number, spans: readonly RedactedSpan[]): string {
  let out = '';
  let cursor = from;
  for (const span of spans) {
    if (span.end <= cursor || span.start >= to) continue;
    if (span.start > cursor) out += original.slice(cursor, span.start);
    out += span.replacement;
    cursor = Math.min(Math.max(span.end, cursor), to);
  }
  return out + original.slice(cursor, to);
}

/**
 * Where the released part of held text may end: `holdBack` characters before the end, moved back so it never splits
 * a redacted span (a span touching the unreleased tail may still grow as more text arrives).
 */
export function releaseBoundary(length: number, released: number, holdBack: number, spans: readonly RedactedSpan[]): number {
  let cut = length - holdBack;
  for (let index = spans.length - 1; index >= 0; index--) {
    const span = spans[index];
    if (span && span.start < cut && span.end >= cut) cut = span.start;
  }
  return Math.max(cut, released);
}

/**
 * Least new characters between two provisional scans of a block of `length` characters: `scanInterval`, growing to
 * 1/32 of the block, so re-scanning the whole block stays linear in its length (about 32 scans' worth in total).
 */
export function scanIntervalAt(length: number, scanInterval: number): number {
  return Math.max(scanInterval, Math.floor(length / 32));
}
