import { userActionPhrases, type ActionKind } from '../tool-risk/action-kinds.ts';

type RequestableKind = Exclude<ActionKind, 'read'>;

// One pattern per kind, compiled once: a phrase at a word start, with common English endings.
const phrasePatterns = Object.fromEntries(
  (Object.entries(userActionPhrases) as Array<[RequestableKind, readonly string[]]>).map(([kind, phrases]) => [
    kind,
    new RegExp(`(?<![\\p{L}\\p{N}])(?:${phrases.join('|')})(?:s|es|ed|d|ing|ment|ments)?(?![\\p{L}\\p{N}])`, 'giu'),
  ]),
) as Record<RequestableKind, RegExp>;

const negation = /\b(?:don'?t|do not|never|not|no need to|without|stop|avoid)\s+(?:\w+\s+){0,2}$/;

/** For each kind of tool action, the kinds of user request that support it (a share can be asked for as a send, and so on). */
export const supportingKinds: Readonly<Record<ActionKind, readonly RequestableKind[]>> = {
  send: ['send', 'share'],
  pay: ['pay'],
  delete: ['delete'],
  share: ['share', 'send'],
  modify: ['modify', 'create', 'delete'],
  create: ['create', 'modify'],
  execute: ['execute'],
  read: [],
};

/** The kinds of action the user asked for in their own words, each with the first phrase that asked (negated phrases don't count). */
export function requestedActions(userLower: string): Map<RequestableKind, string> {
  const requested = new Map<RequestableKind, string>();
  for (const [kind, pattern] of Object.entries(phrasePatterns) as Array<[RequestableKind, RegExp]>) {
    pattern.lastIndex = 0;
    for (const match of userLower.matchAll(pattern)) {
      const before = userLower.slice(Math.max(0, (match.index ?? 0) - 32), match.index ?? 0);
      if (negation.test(before)) continue;
      requested.set(kind, match[0]);
      break;
    }
  }
  return requested;
}

/** The user's phrase that supports an action of this kind, if any. */
export function supportingPhrase(action: ActionKind, requested: ReadonlyMap<RequestableKind, string>): string | undefined {
  for (const kind of supportingKinds[action]) {
    const phrase = requested.get(kind);
    if (phrase !== undefined) return phrase;
  }
  return undefined;
}
