/**
 * Documented example values and placeholders that look like secrets but are not: vendor documentation keys,
 * template variables, masked values, repeated or sequential characters. Applied to the extracted secret only.
 */
export const documentedExampleSecrets: ReadonlySet<string> = new Set([
  'AKIAIOSFODNN7EXAMPLE',
  'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  'ASIAIOSFODNN7EXAMPLE',
  'AKIAI44QH8DHBEXAMPLE',
  'je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY',
  'sk_test_4eC39HqLyjWDarjtT1zdp7dc',
  'pk_test_TYooMQauvdEDq54NiTphI7jx',
  'xoxb-not-a-real-token-this-will-not-work',
]);

const placeholderWords =
  /example|sample|placeholder|dummy|changeme|change_me|replace|redacted|your[_-]?(?:api|secret|access|token|key|password)|insert|xxxx|\*\*\*|\.\.\.|fake|notreal|not[_-]a[_-]real|lorem|<[^>]*>/i;
const templateVariable = /\$\{[^}]*\}|\{\{[^}]*\}\}|%[A-Z_]+%|\$[A-Z_]{3,}/;

/** Values that stand in for a password in documentation and templates. */
const placeholderValues: ReadonlySet<string> = new Set([
  'password', 'passwd', 'pass', 'pwd', 'secret', 'changeme', 'change-me', 'test', 'testing', 'admin', 'root', 'user',
  'username', 'example', 'foo', 'bar', 'foobar', 'mypassword', 'yourpassword', 'mysecret', 'yoursecret', 'token',
  'mytoken', 'yourtoken', 'apikey', 'api_key', 'null', 'none', 'undefined', 'true', 'false', 'default', 'guest', 'demo',
]);

/** True when an extracted secret is a documented example, a template variable, a masked value or a trivial pattern. */
export function isPlaceholderSecret(secret: string): boolean {
  if (documentedExampleSecrets.has(secret)) return true;
  if (placeholderValues.has(secret.toLowerCase())) return true;
  if (placeholderWords.test(secret) || templateVariable.test(secret)) return true;
  if (/(.)\1{5,}/.test(secret)) return true;
  const lower = secret.toLowerCase();
  return hasSequentialRun(lower, 'abcdefghijklmnopqrstuvwxyz') || hasSequentialRun(lower, '0123456789');
}

function hasSequentialRun(text: string, alphabet: string): boolean {
  for (let start = 0; start + 8 <= alphabet.length; start++) {
    if (text.includes(alphabet.slice(start, start + 8))) return true;
  }
  return false;
}

/**
 * For generic (keyword-anchored) rules: true when a value reads like code or prose rather than a credential —
 * a function call, an attribute path, a variable reference, or letters and separators only.
 */
export function looksLikeCodeOrWords(value: string): boolean {
  if (/^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*\(.*\)?$/.test(value)) return true;
  if (/^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+$/.test(value)) return true;
  if (/^[A-Za-z_\-./]+$/.test(value)) return true;
  if (/^(?:https?|file):\/\//i.test(value) || value.startsWith('/') || value.startsWith('./')) return true;
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((pattern) => pattern.test(value)).length;
  return classes < 3 && !/[0-9]/.test(value);
}
