import { destinationKind } from '../tool-risk/infer-tool-risk.ts';
import { emailsIn, hostOf, ibansIn, keyForm, urlsIn } from '../data-flow/text-keys.ts';

/** The kinds of argument values whose origin decides whether a call is what the user asked for. */
export type KeyValueKind = 'email' | 'url' | 'account' | 'amount' | 'path' | 'recipient' | 'identifier';

/** One key argument value of a tool call. */
export interface KeyValue {
  /** Dotted path of the argument (`to`, `recipients.0`). */
  readonly path: string;
  readonly kind: KeyValueKind;
  /** The value as written (an email, a URL, an account, an amount, a path, a name). */
  readonly value: string;
  /** Whether the argument says where the call sends something (recipient, URL, account). */
  readonly destination: boolean;
}

const amountName = /^(?:amount|sum|price|total|value|quantity|qty|cost|fee|payment_?amount|transfer_?amount)$/i;
const pathName = /^(?:path|paths|file|files|file_?path|filename|file_?name|dir|directory|folder|src|source|dest|destination|target|target_?path|output|output_?path|location)$/i;
const pathShape = /^(?:\/|~\/|\.\.?\/|[a-z]:\\)[^\s]*$/i;
/** Free-text arguments: their words are content, not identifiers of what the call acts on. */
const freeTextName = /^(?:body|text|message|messages|content|contents|subject|description|note|notes|summary|query|prompt|html|markdown|payload|comment|reply|caption|bio|instructions?|question|answer|reason|details)$/i;
const maxKeyValues = 32;
const maxDepth = 8;

/** The key argument values of a call: recipients, URLs, accounts, amounts, file paths. */
export function keyArguments(args: Readonly<Record<string, unknown>>): KeyValue[] {
  const values: KeyValue[] = [];
  const add = (value: KeyValue) => {
    if (values.length < maxKeyValues) values.push(value);
  };
  const visit = (value: unknown, path: string[], depth: number) => {
    if (depth > maxDepth || values.length >= maxKeyValues) return;
    if (Array.isArray(value)) {
      value.forEach((item, index) => visit(item, [...path, String(index)], depth + 1));
      return;
    }
    if (value && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) visit(item, [...path, key], depth + 1);
      return;
    }
    const name = [...path].reverse().find((part) => !/^\d+$/.test(part)) ?? '';
    const dotted = path.join('.');
    const destination = destinationKind(name);
    if (typeof value === 'number') {
      if (amountName.test(name)) add({ path: dotted, kind: 'amount', value: String(value), destination: false });
      else if (destination === 'account') add({ path: dotted, kind: 'account', value: String(value), destination: true });
      return;
    }
    if (typeof value !== 'string' || value.length === 0) return;
    const emails = emailsIn(value);
    for (const email of emails) add({ path: dotted, kind: 'email', value: email, destination: destination !== undefined || emails.length === value.trim().split(/[\s,;]+/).length });
    const urls = urlsIn(value);
    for (const url of urls) add({ path: dotted, kind: 'url', value: url, destination: destination !== undefined || url === value.trim() });
    const ibans = ibansIn(value);
    for (const iban of ibans) add({ path: dotted, kind: 'account', value: iban, destination: destination !== undefined || (ibans.length === 1 && keyForm(value) === iban) });
    if (emails.length > 0 || urls.length > 0 || ibans.length > 0) return;
    if (amountName.test(name) && /^\s*[$€£]?\s*[\d.,]+\s*[a-z]{0,3}\s*$/i.test(value)) {
      add({ path: dotted, kind: 'amount', value: value.replace(/[^\d.,]/g, ''), destination: false });
    } else if (destination === 'account' && keyForm(value).length >= 4) {
      add({ path: dotted, kind: 'account', value, destination: true });
    } else if (destination === 'recipient' && value.length <= 64) {
      add({ path: dotted, kind: 'recipient', value, destination: true });
    } else if ((pathName.test(name) || pathShape.test(value)) && value.length <= 512 && !/\s{2,}|\n/.test(value)) {
      add({ path: dotted, kind: 'path', value, destination: false });
    } else if (!freeTextName.test(name) && value.length >= 2 && value.length <= 80 && /\p{L}/u.test(value) && value.trim().split(/\s+/).length <= 6) {
      add({ path: dotted, kind: 'identifier', value, destination: false });
    }
  };
  visit(args, [], 0);
  return values;
}

/** A value shown in a finding message without spelling out personal data: hosts and amounts stay, the rest is masked. */
export function displayValue(value: KeyValue): string {
  switch (value.kind) {
    case 'email': {
      const [local = '', domain = ''] = value.value.split('@');
      return `${local.slice(0, 1)}***@${domain}`;
    }
    case 'url': {
      const host = hostOf(value.value);
      return host ? `${host}/…` : value.value.slice(0, 40);
    }
    case 'account': {
      const key = keyForm(value.value).toUpperCase();
      return key.length > 8 ? `${key.slice(0, 4)}…${key.slice(-2)}` : `…${key.slice(-2)}`;
    }
    case 'amount':
    case 'path':
    case 'recipient':
    case 'identifier':
      return value.value.slice(0, 60);
  }
}

/** A readable name for each kind of key value. */
export const keyValueNames: Readonly<Record<KeyValueKind, string>> = {
  email: 'recipient address',
  url: 'URL',
  account: 'account',
  amount: 'amount',
  path: 'file path',
  recipient: 'recipient',
  identifier: 'value',
};
