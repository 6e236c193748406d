import { describe, expect, it } from 'vitest';
import { testSecretRules } from '../../testing/index.ts';
import { createGuard } from '../../engine/create-guard.ts';
import { builtinSecretRules } from './rules/index.ts';
import { createSecretScanner, createSecretsDetector } from './secrets-detector.ts';
import { SecretRuleSchema } from './secret-rule.ts';

const detector = createSecretsDetector();

// Every rule's own examples, through the full engine: positives must be found by that rule, negatives by no rule.
testSecretRules(builtinSecretRules);

// A user-written rule, added to the built-in ones and table-tested the same way.
testSecretRules(
  [
    {
      id: 'acme-key',
      description: 'Acme internal API key',
      group: 'saas',
      entity: 'ACME_KEY',
      keywords: ['acme_'],
      pattern: String.raw`(?<![A-Za-z0-9_])acme_[a-z0-9]{24}(?![A-Za-z0-9_])`,
      minEntropy: 3,
      examples: { positive: ['ACME_KEY=acme_q8w7e6r5t4y3u2i1o0p9a8s7'], negative: ['acme_short', 'see the acme_ prefix'] },
    },
  ],
  { extraRules: true },
);

describe('secret rule catalogue', () => {
  it('has at least 60 provider-specific rules across the required groups', () => {
    const rules = builtinSecretRules.map((rule) => SecretRuleSchema.parse(rule));
    const provider = rules.filter((rule) => !['key', 'token', 'generic'].includes(rule.group));
    expect(provider.length).toBeGreaterThanOrEqual(60);
    const groups = new Set(provider.map((rule) => rule.group));
    for (const group of ['cloud', 'vcs', 'ci', 'registry', 'payment', 'messaging', 'ai', 'database', 'observability']) {
      expect(groups).toContain(group);
    }
  });

  it('rejects an invalid rule with the field named', () => {
    expect(() => createSecretScanner([{ id: 'Bad Id', description: 'x', group: 'cloud', entity: 'X', keywords: ['x'], pattern: 'x', examples: { positive: ['x'], negative: ['y'] } }])).toThrow(/secret rule 0\.id/);
  });
});

describe('secrets in context', () => {
  const token = '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';

  it('finds a secret inside a base64-encoded layer and maps it to the encoded span', async () => {
    const encoded = Buffer.from(`export GITHUB_TOKEN=${token}`).toString('base64');
    const text = `config blob: ${encoded} end`;
    const guard = createGuard({ detectors: [detector] });
    const verdict = await guard.scan({ surface: 'tool_result', text });
    const finding = verdict.findings.find((entry) => entry.detector === 'secrets/github-pat');
    expect(finding?.view).toBe('base64');
    expect(text.slice(finding?.span?.start, finding?.span?.end)).toBe(encoded);
    expect(verdict.redacted?.text).toBe('config blob: [GITHUB_TOKEN] end');
  });

  it('finds a digit-heavy token inside base64 (decoded layers keep credential-like text)', async () => {
    const slack = 'xoxp-215323159225-091660269258-2147360000059-06a9c5de73a65018129e4e24cdc64a17';
    const text = JSON.stringify({ data: { 'config.env': Buffer.from(`SLACK_USER_TOKEN: ${slack}`).toString('base64') } });
    const findings = (await createGuard({ detectors: [detector] }).scan({ surface: 'tool_result', text })).findings;
    expect(findings.map((finding) => [finding.detector, finding.view])).toEqual([['secrets/slack-user-token', 'base64']]);
  });

  it('finds a token split by zero-width characters and maps the span to the original text', async () => {
    const text = `key: ${token.slice(0, 10)}\u200b${token.slice(10, 20)}\u200d${token.slice(20)} end`;
    const verdict = await createGuard({ detectors: [detector] }).scan({ surface: 'model_output', text });
    expect(verdict.redacted?.text).toBe('key: [GITHUB_TOKEN] end');
  });

  it('finds a token after a percent-escape in a URL-encoded value', async () => {
    const findings = (await createGuard({ detectors: [detector] }).scan({ surface: 'tool_result', text: `GET /cb?state=KEY%3D${token}%26x%3D1` })).findings;
    expect(findings.map((finding) => finding.detector)).toEqual(['secrets/github-pat']);
  });

  it('redacts a key pasted into a nested tool-call argument and leaves the rest intact', async () => {
    const guard = createGuard({ detectors: [detector] });
    const verdict = await guard.scan({
      surface: 'tool_call',
      tool: 'http_request',
      args: { url: 'https://api.example.com', headers: [{ name: 'X-Api-Key', value: `token ${token}` }], retries: 3 },
    });
    expect(verdict.decision).toBe('redact');
    expect(verdict.redacted?.args).toEqual({
      url: 'https://api.example.com',
      headers: [{ name: 'X-Api-Key', value: 'token [GITHUB_TOKEN]' }],
      retries: 3,
    });
  });

  it('reports one finding per credential, from the most specific rule', async () => {
    const guard = createGuard({ detectors: [detector] });
    const verdict = await guard.scan({ surface: 'prompt', text: `GITHUB_TOKEN="${token}"` });
    expect(verdict.findings.map((finding) => finding.detector)).toEqual(['secrets/github-pat']);
  });

  it('ignores hashes, UUIDs, git SHAs and lockfile integrity strings', async () => {
    const guard = createGuard({ detectors: [detector] });
    const text = [
      'commit 9fceb02d0ae598e95dc970b74767f19372d61af8',
      'sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      'request_id=3f2504e0-4f89-41d3-9a0c-0305e82c3301',
      '"integrity": "sha512-Wl+kL4Cj8p0b3Xz3lkZLrUnqE7p0M1Zw6K9bNrGxXMCtZ8x0r+PZ2cR1ZgY9wFlF1nHJ7iQn3d0F2rJbJj5nQ=="',
      'token_type: bearer, expires_in: 3600',
    ].join('\n');
    expect((await guard.scan({ surface: 'tool_result', text })).findings).toEqual([]);
  });
});

describe('private keys without their END line', () => {
  const header = '-----BEGIN RSA PRIVATE KEY-----';
  const body = ['MIIEpAIBAAKCAQEA3Tz2mr7SZiAMfQyuvBjM9Oi4V5aSdMxXn1q+Kn7yGz0cYw8J', 'q4Yb3Hq2kFsl0r9vXe6u8B4xZt2mC7pL1nD0aW3yQe5RfT6gH8jK9iL0oM1nP2q'];
  const guard = createGuard({ detectors: [detector] });

  it('covers everything from the header to the end of a text that stops inside the key', async () => {
    const text = `Here it is:\n${header}\n${body[0]}\n${body[1]?.slice(0, 20)}`;
    const verdict = await guard.scan({ surface: 'model_output', text });
    const finding = verdict.findings.find((entry) => entry.detector === 'secrets/private-key');
    expect(finding?.span).toEqual({ start: text.indexOf(header), end: text.length });
    expect(verdict.redacted?.text).toBe('Here it is:\n[PRIVATE_KEY]');
  });

  it('stops at the last line of key material when prose follows (the key was cut off)', async () => {
    const text = `${header}\n${body[0]}\n${body[1]}\n\nThat key is truncated, sorry.`;
    const verdict = await guard.scan({ surface: 'model_output', text });
    expect(verdict.redacted?.text).toBe('[PRIVATE_KEY]\n\nThat key is truncated, sorry.');
  });

  it('reports the key from its header at every length a stream can reach, the END line arriving included', () => {
    const text = `Here it is:\n${header}\n${body.join('\n')}\n-----END RSA PRIVATE KEY-----\nbye`;
    const start = text.indexOf(header);
    const scanner = createSecretScanner();
    const unreported: number[] = [];
    for (let length = start + header.length + 1 + 20; length <= text.length; length++) {
      const matches = scanner.scanText(text.slice(0, length)).filter((match) => match.rule.id === 'private-key');
      if (matches[0]?.start !== start) unreported.push(length);
    }
    expect(unreported).toEqual([]);
  });

  it('keeps the whole block, END line included, once the key is complete', async () => {
    const block = `${header}\n${body.join('\n')}\n-----END RSA PRIVATE KEY-----`;
    const verdict = await guard.scan({ surface: 'model_output', text: `key:\n${block}\ndone` });
    expect(verdict.redacted?.text).toBe('key:\n[PRIVATE_KEY]\ndone');
  });
});
