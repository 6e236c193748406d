/**
 * Spans of a text that are quoted structure rather than writing: inline code in backticks and embedded JSON objects or
 * arrays (`{"name":"John Doe",…}`). Symbols glued to words are ordinary there; the suffix scorer skips them.
 */

/** A `[start, end)` range of the text. */
export interface Range {
  readonly start: number;
  readonly end: number;
}

const inlineCode = /`[^`\n]{1,200}`/gu;
const jsonStart = /[{[]\s*[{[]?\s*"/gu;
/** Longest embedded JSON value followed to its closing bracket. */
const maxJsonLength = 20_000;

/** End offset (exclusive) of the bracketed value opening at `start`, string-aware, or -1 when it never closes. */
function closingOf(text: string, start: number): number {
  let depth = 0;
  let inString = false;
  const limit = Math.min(text.length, start + maxJsonLength);
  for (let index = start; index < limit; index += 1) {
    const char = text[index];
    if (inString) {
      if (char === '\\') index += 1;
      else if (char === '"') inString = false;
      continue;
    }
    if (char === '"') inString = true;
    else if (char === '{' || char === '[') depth += 1;
    else if (char === '}' || char === ']') {
      depth -= 1;
      if (depth === 0) return index + 1;
    }
  }
  return -1;
}

/** Inline-code spans and embedded JSON values (objects or arrays with at least one `"key":`), in text order. */
export function quotedStructure(text: string): Range[] {
  const ranges: Range[] = [];
  for (const match of text.matchAll(inlineCode)) ranges.push({ start: match.index, end: match.index + match[0].length });
  let from = 0;
  for (const match of text.matchAll(jsonStart)) {
    if (match.index < from) continue;
    const end = closingOf(text, match.index);
    if (end < 0) continue;
    if (!/"\s*:/u.test(text.slice(match.index, end))) continue;
    ranges.push({ start: match.index, end });
    from = end;
  }
  return ranges.sort((a, b) => a.start - b.start);
}

/**
 * Returns a lookup telling whether `[start, end)` lies inside one of the ranges. Overlapping ranges are merged; the
 * lookup expects spans in increasing order (one pass over the tokens).
 */
export function insideLookup(ranges: readonly Range[]): (start: number, end: number) => boolean {
  const merged: Range[] = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && range.start <= last.end) merged[merged.length - 1] = { start: last.start, end: Math.max(last.end, range.end) };
    else merged.push(range);
  }
  let cursor = 0;
  return (start, end) => {
    while (cursor < merged.length && (merged[cursor]?.end ?? 0) <= start) cursor += 1;
    const range = merged[cursor];
    return range !== undefined && start >= range.start && end <= range.end;
  };
}
