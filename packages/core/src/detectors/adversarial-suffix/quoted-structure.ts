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

/** Whether `[start, end)` lies inside one of the ranges. */
export function insideAny(ranges: readonly Range[], start: number, end: number): boolean {
  return ranges.some((range) => start >= range.start && end <= range.end);
}
