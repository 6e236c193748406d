import type { Finding } from '../finding.ts';

/** A span of the subject's text, as findings carry it. */
type Span = NonNullable<Finding['span']>;

/**
 * Detectors that combine the rules of a pack as cues (`jailbreak-pretext`, `secret-solicitation`) keep the first
 * finding of each cue class; `cueOf` reads the class from the rule id (the finding's detector id after the pack's).
 */
export function firstFindingPerCue<Cue>(findings: readonly Finding[], cueOf: (ruleId: string) => Cue | undefined): Map<Cue, Finding> {
  const found = new Map<Cue, Finding>();
  for (const finding of findings) {
    const cue = cueOf(finding.detector.slice(finding.detector.indexOf('/') + 1));
    if (cue !== undefined && !found.has(cue)) found.set(cue, finding);
  }
  return found;
}

/** The span covering every finding that has one, as a field to spread into the combined finding (none without spans). */
export function coveringSpan(findings: Iterable<Finding>): { readonly span?: Span } {
  const spans = [...findings].flatMap((finding) => (finding.span ? [finding.span] : []));
  if (spans.length === 0) return {};
  return { span: { start: Math.min(...spans.map((span) => span.start)), end: Math.max(...spans.map((span) => span.end)) } };
}
