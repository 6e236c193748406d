/**
 * What a tool call does, as a small vocabulary shared by risk inference (tool names, descriptions) and the intent
 * check (the user's words). Verbs are data: one table per action kind.
 */
export type ActionKind = 'send' | 'pay' | 'delete' | 'share' | 'modify' | 'create' | 'execute' | 'read';

/** Action kinds with effects outside the conversation (everything but `read`). */
export const sideEffectKinds: ReadonlySet<ActionKind> = new Set<ActionKind>(['send', 'pay', 'delete', 'share', 'modify', 'create', 'execute']);

/** Verbs (as they appear in tool names, split into words) for each action kind. First match in name order wins. */
export const toolNameVerbs: Readonly<Record<ActionKind, readonly string[]>> = {
  pay: ['pay', 'transfer', 'wire', 'refund', 'purchase', 'buy', 'checkout', 'charge', 'withdraw', 'deposit', 'donate', 'tip', 'remit', 'payout', 'reimburse'],
  send: [
    'send', 'email', 'mail', 'message', 'forward', 'reply', 'respond', 'post', 'notify', 'tweet', 'dm', 'sms', 'text', 'broadcast',
    'submit', 'comment', 'contact', 'call', 'upload', 'push', 'publish', 'announce', 'webhook', 'ping', 'invite', 'export',
  ],
  delete: ['delete', 'remove', 'erase', 'destroy', 'drop', 'purge', 'wipe', 'trash', 'truncate', 'revoke', 'cancel', 'uninstall', 'kill', 'terminate', 'rm', 'unlink', 'clear', 'discard', 'unsubscribe', 'ban', 'kick'],
  share: ['share', 'grant', 'give', 'permit', 'authorize', 'allow', 'expose', 'assign'],
  execute: ['run', 'exec', 'execute', 'eval', 'shell', 'bash', 'command', 'spawn', 'deploy', 'install', 'launch', 'invoke', 'sudo'],
  modify: ['update', 'set', 'change', 'edit', 'modify', 'rename', 'move', 'patch', 'put', 'replace', 'write', 'append', 'upsert', 'save', 'archive', 'mark', 'enable', 'disable', 'configure', 'reschedule', 'reset', 'merge', 'commit', 'close', 'approve', 'reject', 'star', 'follow', 'pin'],
  create: ['create', 'add', 'new', 'insert', 'make', 'schedule', 'book', 'reserve', 'register', 'open', 'generate', 'draft', 'start', 'join', 'signup'],
  read: [
    'get', 'list', 'read', 'search', 'find', 'fetch', 'query', 'lookup', 'view', 'show', 'describe', 'browse', 'download', 'retrieve', 'check',
    'count', 'load', 'summarize', 'inspect', 'scan', 'stat', 'visit', 'open', 'cat', 'head', 'tail', 'grep', 'ls', 'print', 'preview', 'peek', 'explain', 'translate', 'calculate', 'compute', 'convert', 'validate', 'verify',
  ],
};

/** Nouns in a tool name that make a generic verb (send, create, schedule, update) a payment. */
export const moneyNouns: ReadonlySet<string> = new Set(['money', 'payment', 'payments', 'funds', 'fund', 'transaction', 'transactions', 'invoice', 'wire', 'transfer', 'remittance', 'crypto', 'bitcoin', 'eth', 'payout', 'cash']);

/** Nouns in a tool name that make a `modify` destructive: credentials and access. */
export const credentialNouns: ReadonlySet<string> = new Set(['password', 'passwords', 'passcode', 'pin', 'credential', 'credentials', 'token', 'tokens', 'secret', 'secrets', 'key', 'keys', '2fa', 'mfa', 'permission', 'permissions', 'role', 'roles', 'access', 'owner', 'admin']);

/** How the user asks for one kind of action: unambiguous verbs, and words that are also nouns. */
export interface RequestPhrases {
  /** Regular expression sources of verbs that ask for the action in imperative position or after a modal ("you can delete"). */
  readonly strong: readonly string[];
  /** Words that are also nouns (`email`, `message`, `order`): they ask only in imperative position. */
  readonly ambiguous: readonly string[];
}

/**
 * How the user says they want each kind of action, as regular expression sources (word stems, matched
 * case-insensitively on word boundaries). A request in the user's words supports a call of that kind.
 */
export const userActionPhrases: Readonly<Record<Exclude<ActionKind, 'read'>, RequestPhrases>> = {
  send: {
    strong: [
      'send', 'forward', 'fwd', 'repl(?:y|ies)', 'respond', 'write (?:to|back)', 'notify(?! me| us)', 'tell(?! me| us)', 'inform(?! me| us)',
      'let (?!me |us )(?:[\\w\'-]+ ){1,4}know', 'ping', 'dm', 'invite', 'cc', 'reach out', 'get back to', 'follow up with', 'broadcast', 'announce', 'share',
      'publish', 'upload', 'submit', 'tweet', 'thank', 'congratulate', 'welcome', 'introduce', 'recommend', 'post (?:it|this|that|the|a|an|my|our|them|in|on|to)',
    ],
    ambiguous: ['e-?mail', 'mail', 'message', 'text', 'post', 'contact', 'comment', 'answer', 'say', 'ask', 'write', 'remind', 'alert'],
  },
  pay: {
    strong: ['pay', 'transfer', 'send (?:\\S+ )?(?:money|funds|cash|\\$|€|£|\\d)', 'wire', 'refund', 'reimburse', 'settle', 'purchase', 'buy', 'donate', 'top up', 'remit'],
    ambiguous: ['order', 'tip', 'split', 'subscribe', 'renew', 'cover', 'deposit', 'withdraw', 'checkout'],
  },
  delete: {
    strong: ['delete', 'remove', 'erase', 'clean ?up', 'purge', 'wipe', 'trash', 'discard', 'get rid of', 'unsubscribe', 'uninstall', 'revoke', 'destroy', 'prune', 'terminate', 'unshare'],
    ambiguous: ['clear', 'drop', 'cancel', 'empty', 'kill', 'ban', 'kick', 'close'],
  },
  share: {
    strong: ['share', 'grant', 'give (?:\\w+ )?access', 'invite', 'add \\S+(?: \\S+)? (?:to|as)', 'collaborat\\w*', 'make (?:it )?public', 'publish'],
    ambiguous: ['allow', 'assign', 'permission', 'access'],
  },
  modify: {
    strong: [
      'update', 'change', 'edit', 'modify', 'rename', 'move', 'reschedule', 'replace', 'correct', 'adjust', 'reset', 'configure', 'enable', 'disable',
      'turn (?:on|off)', 'append', 'rewrite', 'archive', 'merge', 'commit', 'approve', 'reject', 'increase', 'decrease', 'insert', 'overwrite', 'fill (?:in|out)',
    ],
    ambiguous: ['set', 'fix', 'mark', 'assign', 'save', 'write', 'add', 'put', 'close', 'pin', 'star', 'follow', 'raise', 'lower'],
  },
  create: {
    strong: ['create', 'schedule', 'book', 'reserve', 'draft', 'generate', 'register', 'sign up', 'set up', 'organi[sz]e', 'arrange', 'compose', 'prepare', 'add', 'remember', 'keep in mind', 'note down', 'jot down', 'memori[sz]e'],
    ambiguous: ['make', 'new', 'open', 'start', 'write', 'save', 'plan', 'put', 'note', 'remind', 'invite', 'join', 'file', 'log', 'record'],
  },
  execute: {
    strong: ['run', 'execute', 'launch', 'deploy', 'install', 'restart', 'compile', 'invoke', 'trigger'],
    ambiguous: ['build', 'start', 'test'],
  },
};

/** Nouns in the user's words that make a request to change something a request about payments (`increase my rent`). */
export const userMoneyWords = /\b(?:rent|payments?|transfers?|standing orders?|transactions?|amount|salary|invoice|bill|subscription|iban|account|money|funds|usd|eur|gbp|dollars?|euros?|pounds?)\b|[$€£]\s?\d|\b\d+[.,]\d{2}\b/;

/** Splits a tool name into lower-case words: `sendEmail`, `send_email`, `mail.send`, `send-email` → `send`, `email`. */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 0);
}
