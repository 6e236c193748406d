import type { FlowRead } from '../data-flow/flow-memory.ts';
import { nameWords, toolNameVerbs, type ActionKind } from '../tool-risk/action-kinds.ts';
import type { ToolRisk } from '../tool-risk/infer-tool-risk.ts';

/** How near (in characters) to an agent-addressed order the action must be named. */
const reach = 300;
const genericWords = new Set(['user', 'users', 'info', 'data', 'item', 'items', 'the', 'get', 'set', 'my', 'new', 'all', 'list', 'to', 'by', 'id', 'and', 'for', 'of', 'tool', 'api', 'v1', 'v2']);

// One pattern per action kind, compiled once: the verbs that name it, with English endings.
const verbPatterns = Object.fromEntries(
  (Object.entries(toolNameVerbs) as Array<[ActionKind, readonly string[]]>).map(([kind, verbs]) => [
    kind,
    new RegExp(`\\b(?:${verbs.filter((verb) => verb.length >= 3).join('|')})(?:s|es|ed|d|ing)?\\b`),
  ]),
) as Record<ActionKind, RegExp>;

/**
 * The untrusted read whose injected orders ask for this very action: near a phrase addressed to the agent (or anywhere
 * in a read a detector flagged), it names the action's verb or a distinctive word of the tool's name.
 */
export function instructingRead(reads: readonly FlowRead[], risk: ToolRisk): FlowRead | undefined {
  const words = nameWords(risk.tool).filter((word) => word.length >= 4 && !genericWords.has(word));
  const nameWordPattern = words.length > 0 ? new RegExp(`\\b(?:${words.join('|')})`) : undefined;
  const names = (text: string) => verbPatterns[risk.action].test(text) || (nameWordPattern?.test(text) ?? false);
  for (const read of reads) {
    if (read.suspicious && names(read.lower)) return read;
    for (const marker of read.markers) {
      if (names(read.lower.slice(Math.max(0, marker - reach), marker + reach))) return read;
    }
  }
  return undefined;
}
