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

/**
 * How the user says they want each kind of action, as regular expression sources (word stems, matched
 * case-insensitively on word boundaries). A request in the user's words supports a call of that kind.
 */
export const userActionPhrases: Readonly<Record<Exclude<ActionKind, 'read'>, readonly string[]>> = {
  send: [
    'send', 'sent', 'e-?mail', 'mail', 'message', 'forward', 'fwd', 'repl(?:y|ies)', 'respond', 'answer', 'write (?:to|back|an?|the)', 'notify', 'tell', 'inform',
    'let \\w+(?: \\w+)? know', 'ping', 'dm', 'text', 'contact', 'invite', 'post', 'cc', 'remind', 'alert', 'reach out', 'get back to', 'follow up',
    'broadcast', 'announce', 'share', 'publish', 'upload', 'submit', 'tweet', 'comment', 'say', 'thank', 'introduce', 'recommend', 'congratulate', 'welcome', 'ask',
  ],
  pay: [
    'pay', 'payment', 'transfer', 'send (?:\\S+ )?(?:money|funds|cash|\\$|€|£|\\d)', 'wire', 'refund', 'reimburse', 'settle', 'tip', 'purchase', 'buy', 'order',
    'donate', 'top up', 'deposit', 'withdraw', 'remit', 'split', 'subscribe', 'renew', 'cover', 'owe', 'rent', 'bill', 'invoice', 'subscription', 'checkout',
  ],
  delete: [
    'delete', 'remove', 'erase', 'clean ?up', 'clear', 'purge', 'wipe', 'trash', 'discard', 'drop', 'get rid of', 'cancel', 'unsubscribe', 'uninstall',
    'revoke', 'empty', 'destroy', 'prune', 'kill', 'terminate', 'ban', 'kick', 'unshare', 'close',
  ],
  share: ['share', 'grant', 'give (?:\\w+ )?access', 'invite', 'add \\S+ (?:to|as)', 'permission', 'collaborat', 'make (?:it )?public', 'publish', 'allow', 'assign', 'access'],
  modify: [
    'update', 'change', 'edit', 'modify', 'set', 'rename', 'move', 'reschedule', 'replace', 'correct', 'fix', 'adjust', 'reset', 'configure', 'enable', 'disable',
    'turn (?:on|off)', 'mark', 'assign', 'append', 'rewrite', 'save', 'write', 'archive', 'merge', 'commit', 'approve', 'reject', 'close', 'pin', 'star', 'follow', 'add', 'put', 'insert', 'increase', 'decrease', 'raise', 'lower',
  ],
  create: [
    'create', 'make', 'add', 'new', 'schedule', 'book', 'reserve', 'open', 'start', 'draft', 'write', 'generate', 'save', 'register', 'sign up', 'set up', 'plan',
    'organi[sz]e', 'arrange', 'put', 'note', 'remind', 'invite', 'join', 'file', 'log', 'record', 'prepare', 'compose',
  ],
  execute: ['run', 'execute', 'launch', 'deploy', 'install', 'build', 'start', 'restart', 'test', 'compile', 'invoke', 'trigger'],
};

/** Splits a tool name into lower-case words: `sendEmail`, `send_email`, `mail.send`, `send-email` → `send`, `email`. */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 0);
}
