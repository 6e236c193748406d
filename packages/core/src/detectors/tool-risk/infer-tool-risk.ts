import type { ToolLabel } from '../../policy/tool-policy-schema.ts';
import { credentialNouns, moneyNouns, nameWords, toolNameVerbs, type ActionKind } from './action-kinds.ts';

/** What Bulwark believes a tool does, and why. */
export interface ToolRisk {
  readonly tool: string;
  /** The kind of action a call performs. */
  readonly action: ActionKind;
  /** The verb's own kind when a money noun made the action a payment (`update_scheduled_transaction`: modify → pay). */
  readonly baseAction?: ActionKind;
  readonly labels: readonly ToolLabel[];
  /** Where the labels come from: the policy, MCP annotations, the definition's text and schema, or the name alone. */
  readonly source: 'policy' | 'annotations' | 'definition' | 'name';
  /** One short explanation per inference, quoted in findings. */
  readonly reasons: readonly string[];
}

/** The parts of a tool definition inference reads. */
export interface ToolDescription {
  readonly name: string;
  readonly description?: string;
  readonly inputSchema?: Record<string, unknown>;
  readonly annotations?: Record<string, unknown>;
}

// The order tables are tried in when a word could be several kinds (e.g. `post`).
const kindOrder: readonly ActionKind[] = ['pay', 'delete', 'send', 'share', 'execute', 'modify', 'create', 'read'];
const verbKind = new Map<string, ActionKind>();
for (const kind of [...kindOrder].reverse()) for (const verb of toolNameVerbs[kind]) verbKind.set(verb, kind);
const extraReadVerbs = ['extract', 'parse', 'analyze', 'analyse', 'format', 'render', 'sort', 'filter', 'lint', 'diff', 'resolve', 'estimate', 'predict', 'classify', 'detect', 'recommend', 'suggest', 'ask', 'think', 'plan'];
for (const verb of extraReadVerbs) verbKind.set(verb, 'read');

const strongKinds: ReadonlySet<ActionKind> = new Set(['send', 'pay', 'delete', 'share', 'execute']);

/** Nouns whose data is the user's own, or someone's personal data: reading them reads private data. */
const privateNouns = new Set([
  'email', 'emails', 'inbox', 'mail', 'mails', 'message', 'messages', 'file', 'files', 'document', 'documents', 'doc', 'docs', 'note', 'notes',
  'contact', 'contacts', 'calendar', 'event', 'events', 'account', 'accounts', 'balance', 'balances', 'transaction', 'transactions', 'statement',
  'statements', 'profile', 'user', 'users', 'customer', 'customers', 'record', 'records', 'password', 'passwords', 'secret', 'secrets', 'credential',
  'credentials', 'card', 'cards', 'iban', 'salary', 'payroll', 'medical', 'health', 'patient', 'patients', 'order', 'orders', 'history', 'drive',
  'folder', 'database', 'db', 'sql', 'table', 'tables', 'row', 'rows', 'address', 'addresses', 'phone', 'ssn', 'invoice', 'invoices', 'chat', 'chats',
  'dm', 'dms', 'channel', 'channels', 'conversation', 'conversations', 'employee', 'employees', 'info', 'details', 'payment', 'payments', 'bill',
  'bills', 'receipt', 'receipts', 'env', 'config', 'key', 'keys', 'token', 'tokens', 'repo', 'repository', 'secretvalue', 'memory', 'memories', 'scheduled', 'purchase', 'purchases',
]);

/** Nouns whose content third parties write: reading them ingests untrusted content. */
const untrustedNouns = new Set([
  'email', 'emails', 'inbox', 'mail', 'mails', 'message', 'messages', 'chat', 'chats', 'channel', 'channels', 'dm', 'dms', 'conversation',
  'conversations', 'comment', 'comments', 'review', 'reviews', 'post', 'posts', 'web', 'webpage', 'page', 'pages', 'url', 'website', 'site', 'http',
  'https', 'internet', 'news', 'feed', 'rss', 'tweet', 'tweets', 'issue', 'issues', 'ticket', 'tickets', 'pr', 'pull', 'file', 'files', 'document',
  'documents', 'doc', 'docs', 'attachment', 'attachments', 'transaction', 'transactions', 'invite', 'invites', 'invitation', 'invitations', 'event',
  'events', 'search', 'results', 'html', 'link', 'links', 'forum', 'thread', 'threads', 'wiki', 'pdf', 'readme', 'download', 'downloads', 'upload', 'uploads', 'feedback', 'reply', 'replies', 'mention', 'mentions', 'notification', 'notifications',
]);
const untrustedVerbs = new Set(['fetch', 'browse', 'download', 'visit', 'scrape', 'crawl', 'curl', 'http', 'navigate']);

/** Parameter names that say where a call sends things: recipients, URLs, accounts. */
const recipientParameter = /^(?:to|cc|bcc|recipients?|recipient_?(?:email|emails|address|user|id)|emails?|email_?address(?:es)?|participants?|attendees?|invitees?|guests?|phone(?:_?number)?|number|user_?email|address(?:es)?|members?|assignees?|reviewers?|followers?|targets?|destination_?email|send_?to|share_?with|users?)$/i;
const urlParameter = /^(?:url|uri|link|href|endpoint|webhook(?:_?url)?|callback(?:_?url)?|target_?url|destination(?:_?url)?|server|host|remote|upload_?url|domain)$/i;
const accountParameter = /^(?:iban|account(?:_?(?:number|id|no))?|recipient_?account|to_?account|payee|beneficiary|bic|swift|routing(?:_?number)?|wallet(?:_?address)?|card(?:_?number)?|amount|sum|price|total)$/i;

/** Descriptions that state effects. Only used when the name is silent. */
const describedAction: ReadonlyArray<readonly [ActionKind, RegExp]> = [
  ['pay', /\b(?:transfers?|pays?|sends? money|wires?|refunds?|purchases?|buys?|charges?)\b/i],
  ['delete', /\b(?:deletes?|removes?|erases?|destroys?|purges?|wipes?|drops?|permanently)\b/i],
  ['send', /\b(?:sends?|emails?|posts?|publishes?|forwards?|notif(?:y|ies)|uploads?|submits?|messages?)\b/i],
  ['share', /\b(?:shares?|grants?|gives? access)\b/i],
  ['execute', /\b(?:runs?|executes?|evaluates?) (?:a |an |the )?(?:shell|command|script|code|program)\b/i],
  ['modify', /\b(?:updates?|modif(?:y|ies)|changes?|edits?|writes?|renames?|moves?|sets?)\b/i],
  ['create', /\b(?:creates?|adds?|schedules?|books?|inserts?|makes?)\b/i],
  ['read', /\b(?:returns?|gets?|lists?|reads?|searches|retrieves?|fetches|looks? up|shows?|finds?)\b/i],
];
const irreversible = /\b(?:permanently|irreversibl[ey]|cannot be undone|can't be undone|no way to recover)\b/i;
const describedReadOnly = /\b(?:read[- ]only|does not (?:modify|change|write)|without (?:modifying|changing)|no side effects)\b/i;

/** Infers a tool's action and labels from MCP annotations, its name, description and input schema; every step is explained. */
export function inferToolRisk(tool: ToolDescription, argumentNames: readonly string[] = []): ToolRisk {
  const reasons: string[] = [];
  const words = nameWords(tool.name);
  const description = tool.description ?? '';
  const descriptionWords = nameWords(description.slice(0, 400));
  const parameters = [...schemaParameters(tool.inputSchema), ...argumentNames];

  let action: ActionKind | undefined;
  let baseAction: ActionKind | undefined;
  let verb: string | undefined;
  for (const word of words.slice(0, 3)) {
    const kind = verbKind.get(word);
    if (kind) {
      action = kind;
      verb = word;
      break;
    }
  }
  if (action) reasons.push(`name verb '${verb}' → ${action}`);
  else if (description) {
    // The earliest stated effect in the description names the action.
    let earliest = Infinity;
    for (const [kind, pattern] of describedAction) {
      const match = pattern.exec(description);
      if (match && match.index < earliest) {
        earliest = match.index;
        action = kind;
        verb = match[0].toLowerCase();
      }
    }
    if (action) reasons.push(`description says '${verb}' → ${action}`);
  }
  const nouns = new Set([...words, ...(action === undefined || action === 'read' ? descriptionWords.slice(0, 12) : [])]);
  if (action && ['send', 'create', 'modify'].includes(action)) {
    const money = words.find((word) => moneyNouns.has(word)) ?? parameters.find((parameter) => /^(?:amount|iban)$/i.test(parameter));
    if (money) {
      baseAction = action;
      action = 'pay';
      reasons.push(`'${money}' makes it a payment`);
    }
  }

  const labels = new Set<ToolLabel>();
  const annotations = tool.annotations ?? {};
  const readOnlyHint = annotations['readOnlyHint'];
  const destructiveHint = annotations['destructiveHint'];
  const openWorldHint = annotations['openWorldHint'];
  const hasAnnotations = typeof readOnlyHint === 'boolean' || typeof destructiveHint === 'boolean' || typeof openWorldHint === 'boolean';

  if (readOnlyHint === true) {
    if (action && strongKinds.has(action)) {
      reasons.push(`annotation readOnlyHint=true conflicts with the name verb '${verb}'; the riskier reading is kept`);
    } else {
      if (action && action !== 'read') reasons.push(`annotation readOnlyHint=true overrides '${verb}'`);
      else reasons.push('annotation readOnlyHint=true');
      action = 'read';
    }
  } else if (readOnlyHint === false && (action === undefined || action === 'read')) {
    action = 'modify';
    reasons.push('annotation readOnlyHint=false → it changes state');
  }
  if (!action && describedReadOnly.test(description)) {
    action = 'read';
    reasons.push('description says it is read-only');
  }
  if (!action) {
    action = parameters.some((parameter) => recipientParameter.test(parameter)) ? 'send' : 'read';
    reasons.push(action === 'send' ? 'no verb found; a recipient parameter suggests it sends' : 'no verb found; treated as a read');
  }

  // Side effects.
  if (action === 'send' || action === 'pay' || action === 'share') {
    labels.add('external_sink');
    reasons.push(`${action} → external_sink`);
  }
  if (action === 'delete' || action === 'execute') {
    labels.add('destructive');
    reasons.push(`${action} → destructive`);
  }
  if (action === 'modify') {
    const credential = words.find((word) => credentialNouns.has(word));
    if (credential) {
      labels.add('destructive');
      reasons.push(`changes '${credential}' → destructive`);
    }
  }
  if (action !== 'read') {
    const destination = parameters.find((parameter) => recipientParameter.test(parameter) || urlParameter.test(parameter) || accountParameter.test(parameter));
    if (destination && !labels.has('external_sink')) {
      labels.add('external_sink');
      reasons.push(`parameter '${destination}' names a destination → external_sink`);
    }
    if (irreversible.test(description) && !labels.has('destructive')) {
      labels.add('destructive');
      reasons.push('description says the effect is irreversible → destructive');
    }
  }
  if (destructiveHint === true && readOnlyHint !== true && !labels.has('destructive')) {
    labels.add('destructive');
    reasons.push('annotation destructiveHint=true → destructive');
  }
  if (openWorldHint === true && action !== 'read' && !labels.has('external_sink')) {
    labels.add('external_sink');
    reasons.push('annotation openWorldHint=true on a tool that changes state → external_sink');
  }
  if (openWorldHint === false && labels.has('external_sink') && !['send', 'pay', 'share'].includes(action)) {
    labels.delete('external_sink');
    reasons.push('annotation openWorldHint=false → not an external sink');
  }

  // What reads bring into the session.
  if (action === 'read') {
    const privateNoun = [...nouns].find((noun) => privateNouns.has(noun));
    if (privateNoun) {
      labels.add('reads_private_data');
      reasons.push(`reads '${privateNoun}' → reads_private_data`);
    }
    const untrustedNoun = words.find((word) => untrustedVerbs.has(word) || untrustedNouns.has(word)) ?? [...nouns].find((noun) => untrustedNouns.has(noun));
    if (untrustedNoun) {
      labels.add('untrusted_source');
      reasons.push(`'${untrustedNoun}' holds content others write → untrusted_source`);
    } else if (openWorldHint === true) {
      labels.add('untrusted_source');
      reasons.push('annotation openWorldHint=true on a read → untrusted_source');
    }
    if (openWorldHint === false && labels.has('untrusted_source') && !untrustedNoun) labels.delete('untrusted_source');
  }

  const source = hasAnnotations ? 'annotations' : description || parameters.length > argumentNames.length ? 'definition' : 'name';
  return { tool: tool.name, action, ...(baseAction ? { baseAction } : {}), labels: [...labels], source, reasons };
}

/** Property names of a JSON schema's top level (and one level of nested objects). */
function schemaParameters(schema: Record<string, unknown> | undefined): string[] {
  const properties = schema?.['properties'];
  if (!properties || typeof properties !== 'object') return [];
  return Object.keys(properties);
}

/** Whether an argument name says it carries a destination: a recipient, a URL or an account. */
export function destinationKind(argumentName: string): 'recipient' | 'url' | 'account' | undefined {
  const last = argumentName.split('.').pop() ?? argumentName;
  if (recipientParameter.test(last)) return 'recipient';
  if (urlParameter.test(last)) return 'url';
  if (accountParameter.test(last) && !/^(?:amount|sum|price|total)$/i.test(last)) return 'account';
  return undefined;
}
