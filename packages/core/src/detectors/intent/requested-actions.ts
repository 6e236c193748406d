import { nameWords, userActionPhrases, type ActionKind, type RequestPhrases } from '../tool-risk/action-kinds.ts';

type RequestableKind = Exclude<ActionKind, 'read'>;

const endings = '(?:s|es|ed|d|ing)?(?![\\p{L}\\p{N}])';
const start = '(?<![\\p{L}\\p{N}])';

// Two patterns per kind, compiled once: unambiguous verbs, and noun-like words held to imperative position.
const phrasePatterns = Object.fromEntries(
  (Object.entries(userActionPhrases) as Array<[RequestableKind, RequestPhrases]>).map(([kind, phrases]) => [
    kind,
    {
      strong: new RegExp(`${start}(?:${phrases.strong.join('|')})${endings}`, 'giu'),
      ambiguous: new RegExp(`${start}(?:${phrases.ambiguous.join('|')})${endings}`, 'giu'),
    },
  ]),
) as Record<RequestableKind, { strong: RegExp; ambiguous: RegExp }>;

const negation = /\b(?:don'?t|do not|never|not|no need to|without|stop|avoid)\s+(?:\w+\s+){0,2}$/;
/** Text right before a word that puts it in imperative position: a sentence start, "please", "can you", "and then", "to". */
const imperativeLead = /(?:^|[.!?;:,\n]\s*|\b(?:please|pls|kindly|can you|could you|would you|will you|you to|need to|want to|have to|and|then|also|to|let's|lets|go ahead and|just|now|first|finally|next|help me|me to|us to)\s+)(?:(?:quickly|also|then|please|be|get|go|immediately|actually|directly)\s+)?$/;
/** A subject with a modal before a verb ("you can delete", "we should pay", "I'd like you to"): a request too, for unambiguous verbs. */
const modalLead = /\b(?:i|we|you)(?:'d|'ll)?\s+(?:(?:can|could|may|might|should|must|will|would|want|need|like)\s+)+(?:you\s+)?(?:to\s+)?$/;

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
  for (const [kind, patterns] of Object.entries(phrasePatterns) as Array<[RequestableKind, { strong: RegExp; ambiguous: RegExp }]>) {
    const phrase = firstRequest(userLower, patterns.strong, true) ?? firstRequest(userLower, patterns.ambiguous, false);
    if (phrase !== undefined) requested.set(kind, phrase);
  }
  return requested;
}

function firstRequest(text: string, pattern: RegExp, unambiguous: boolean): string | undefined {
  pattern.lastIndex = 0;
  for (const match of text.matchAll(pattern)) {
    const index = match.index ?? 0;
    const before = text.slice(Math.max(0, index - 40), index);
    if (negation.test(before)) continue;
    // A verb asks only in imperative position ("Send it", "please pay", "and then delete"), or after a modal for unambiguous verbs.
    if (!imperativeLead.test(before) && !(unambiguous && modalLead.test(before))) continue;
    return match[0];
  }
  return undefined;
}

/** The user's phrase that supports an action of this kind, if any. */
export function supportingPhrase(action: ActionKind, requested: ReadonlyMap<RequestableKind, string>): string | undefined {
  for (const kind of supportingKinds[action]) {
    const phrase = requested.get(kind);
    if (phrase !== undefined) return phrase;
  }
  return undefined;
}

/** A request whose verb is a word of the tool's name ("comment on the issue" → `add_issue_comment`, "reserve" → `reserve_hotel`). */
export function namedInRequest(tool: string, requested: ReadonlyMap<RequestableKind, string>): string | undefined {
  const words = nameWords(tool).filter((word) => word.length >= 4);
  for (const phrase of requested.values()) {
    const verb = phrase.split(/\s+/)[0] ?? '';
    if (verb.length >= 4 && words.some((word) => word.startsWith(verb.slice(0, Math.max(4, verb.length - 3))) && verb.startsWith(word.slice(0, 4)))) return phrase;
  }
  return undefined;
}
