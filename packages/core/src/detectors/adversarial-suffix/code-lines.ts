/**
 * Which lines of a text read as code, config or logs. Token-salad features (symbols glued to words, case-glued
 * identifiers) are ordinary there, so the suffix scorer ignores them on such lines. A text of one line is never code
 * context: an attack is one line of prose with the suffix appended.
 */

const codeKeyword =
  /^\s*(?:\/\/|#|\/\*|\*|--|>>>|\$ |<\/?[a-zA-Z!?]|@\w|import\b|from\b|export\b|def\b|class\b|function\b|fn\b|const\b|let\b|var\b|if\b|elif\b|else\b|for\b|while\b|return\b|public\b|private\b|protected\b|static\b|package\b|using\b|namespace\b|try\b|catch\b|except\b|raise\b|throw\b|SELECT\b|INSERT\b|UPDATE\b|CREATE\b|at\s|File\s"|Traceback\b|\w+Error\b|\w+Exception\b|[-\w.]+:\s|[-*]\s+[\w"'-]+:|\[[\w.\s-]+\]\s*$|\d{4}-\d\d-\d\d)/u;
const codeEnding = /[;{}()[\],:\\]\s*$|=>\s*$|\b(?:do|then)\s*$/u;
const assignment = /^\s*[\w.$[\]'"]+\s*(?:[-+*/%|&]?=|:=|<-)\s*\S/u;
const indented = /^(?: {2,}|\t)\S/u;
/** A markdown or ASCII table row: `| a | b |`. */
const tableRow = /^\s*\|.*\|\s*$/u;

/** Whether one line, on its own, is shaped like code, config, a log line or a stack frame. */
function isCodeShaped(line: string): boolean {
  return codeKeyword.test(line) || codeEnding.test(line) || assignment.test(line) || indented.test(line) || tableRow.test(line);
}

/** Minimum share of non-empty code-shaped lines for a multi-line text to count as code context. */
const codeContextShare = 0.3;

/**
 * Returns a lookup from an offset to whether its line is code. Lines count as code when they are code-shaped and the
 * text around them is code context (≥ 30% of its non-empty lines code-shaped), or inside a fenced block. The lookup
 * expects offsets in increasing order (one pass over the tokens).
 */
export function codeLineLookup(text: string): (offset: number) => boolean {
  const lines: Array<{ start: number; end: number; code: boolean }> = [];
  let offset = 0;
  let fenced = false;
  let shaped = 0;
  let nonEmpty = 0;
  for (const line of text.split('\n')) {
    const fence = /^\s*(?:```|~~~)/u.test(line);
    const code = fenced || fence || isCodeShaped(line);
    if (fence) fenced = !fenced;
    if (line.trim().length > 0) {
      nonEmpty += 1;
      if (code) shaped += 1;
    }
    lines.push({ start: offset, end: offset + line.length, code });
    offset += line.length + 1;
  }
  const context = nonEmpty >= 2 && shaped / nonEmpty >= codeContextShare;
  let cursor = 0;
  return (at) => {
    if (!context) return false;
    while (cursor < lines.length - 1 && at > (lines[cursor]?.end ?? 0)) cursor += 1;
    return lines[cursor]?.code ?? false;
  };
}
