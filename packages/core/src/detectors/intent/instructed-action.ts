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
    new RegExp(`\\b(?:${verbs.filter((verb) => verb.length >= 3).join('|')})(?:s|es|ed|d|ing)?\\b`, 'g'),
  ]),
) as Record<ActionKind, RegExp>;

/**
 * The untrusted read whose injected orders ask for this very action: near a phrase addressed to the agent (or anywhere
 * in a read a detector flagged), it names the action's verb or a distinctive word of the tool's name.
 */
export function instructingRead(reads: readonly FlowRead[], risk: ToolRisk): FlowRead | undefined {
  const words = nameWords(risk.tool).filter((word) => word.length >= 4 && !genericWords.has(word));
  const names = (text: string, from: number, to: number) => verbBetween(text, verbPatterns[risk.action], from, to) || words.some((word) => wordBetween(text, word, from, to));
  for (const read of reads) {
    if (read.suspicious && names(read.lower, 0, read.lower.length)) return read;
    for (const marker of read.markers) {
      if (names(read.lower, Math.max(0, marker - reach), marker + reach)) return read;
    }
  }
  return undefined;
}

function verbBetween(text: string, pattern: RegExp, from: number, to: number): boolean {
  pattern.lastIndex = from;
  const match = pattern.exec(text);
  return match !== null && match.index < to;
}

function wordBetween(text: string, word: string, from: number, to: number): boolean {
  const index = text.indexOf(word, from);
  return index >= 0 && index < to && !/[\p{L}\p{N}]/u.test(text[index - 1] ?? ' ');
}
