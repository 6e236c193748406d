import type { ScanInput } from '../detector.ts';
import type { Finding } from '../finding.ts';
import type { SessionState } from '../session/session-state.ts';
import type { Decision } from '../surface.ts';

/** Most characters of one read kept in session state for data-flow checks. */
export const maxReadExcerpt = 16_384;
/** Most reads kept per session (oldest dropped first). */
export const maxReads = 64;

const attackCategories = new Set(['injection', 'jailbreak', 'tool_poisoning', 'exfiltration']);

/** Records what the session learned from one scanned subject: the user's requests, untrusted reads, tool calls, risk. */
export function recordInSession(state: SessionState, input: ScanInput, decision: Decision, score: number, findings: readonly Finding[]): void {
  const { subject } = input;
  state.events += 1;
  if (decision !== 'allow') state.risk = Math.round((1 - (1 - state.risk) * (1 - score * 0.5)) * 1e4) / 1e4;
  switch (subject.surface) {
    case 'prompt':
      if (decision !== 'block') state.prompts.push(subject.text.slice(0, maxReadExcerpt));
      break;
    case 'tool_result':
    case 'document': {
      const suspicious = findings.some((finding) => attackCategories.has(finding.category) && finding.score >= 0.5);
      state.reads.push({
        surface: subject.surface,
        ...(subject.surface === 'tool_result' && subject.tool ? { tool: subject.tool } : {}),
        labels: ['untrusted'],
        text: subject.text.slice(0, maxReadExcerpt),
        suspicious,
      });
      if (state.reads.length > maxReads) state.reads.splice(0, state.reads.length - maxReads);
      break;
    }
    case 'tool_call':
      if (decision !== 'block') state.toolCalls[subject.tool] = (state.toolCalls[subject.tool] ?? 0) + 1;
      break;
    default:
      break;
  }
}
