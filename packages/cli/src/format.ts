import type { Verdict } from '@bulwark/core';

const decisionMarks: Record<Verdict['decision'], string> = { allow: 'ALLOW', flag: 'FLAG', redact: 'REDACT', ask: 'ASK', block: 'BLOCK' };

/** A readable, multi-line rendering of a verdict for terminals. */
export function formatVerdict(verdict: Verdict, text: string): string {
  const lines = [`${decisionMarks[verdict.decision]}  score ${verdict.score.toFixed(2)}  (${verdict.surface}, ${verdict.durationMs.toFixed(2)} ms)`];
  if (verdict.shadowDecision) lines.push(`  shadow mode: would ${verdict.shadowDecision}`);
  if (verdict.decision !== 'allow') lines.push(`  ${verdict.reason}`);
  for (const finding of [...verdict.findings].sort((a, b) => b.score - a.score)) {
    const where = finding.span ? ` at ${finding.span.start}..${finding.span.end}: "${excerpt(text, finding.span.start, finding.span.end, finding.category)}"` : '';
    const view = finding.view ? ` [in ${finding.view} layer]` : '';
    lines.push(`  - ${finding.category} ${finding.score.toFixed(2)} ${finding.detector}: ${finding.message}${where}${view}`);
  }
  if (verdict.redacted) lines.push(`  redacted: ${JSON.stringify(verdict.redacted.args ?? verdict.redacted.text)}`);
  return lines.join('\n');
}

function excerpt(text: string, start: number, end: number, category: string): string {
  const value = text.slice(start, end).replace(/\s+/g, ' ');
  if (category.startsWith('leak.')) return `${value.slice(0, 2)}…(${end - start} chars)`;
  return value.length > 80 ? `${value.slice(0, 77)}...` : value;
}

/** Renders rows as an aligned plain-text table. */
export function formatTable(headers: readonly string[], rows: ReadonlyArray<readonly (string | number)[]>): string {
  const cells = [headers, ...rows.map((row) => row.map(String))];
  const widths = headers.map((_, column) => Math.max(...cells.map((row) => (row[column] ?? '').length)));
  const render = (row: readonly string[]) => row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ').trimEnd();
  return [render(cells[0] ?? []), widths.map((width) => '-'.repeat(width)).join('  '), ...cells.slice(1).map(render)].join('\n');
}
