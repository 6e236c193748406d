import { describe, expect, it } from 'vitest';
import { parsePolicy } from './load-policy.ts';

describe('tool policy schema', () => {
  it('fills defaults', () => {
    expect(parsePolicy({}).tools).toEqual({ default: 'allow', allow: [], deny: [], ask: [], rules: {}, limits: {}, flow: { allowedDomains: [] } });
  });

  it('accepts every rule kind', () => {
    const policy = parsePolicy({
      tools: {
        default: 'block',
        allow: ['read_*'],
        deny: ['shell_*'],
        ask: ['pay'],
        rules: {
          send_email: { labels: ['external_sink'], args: { to: { domains: ['example.com'] }, subject: { maxLength: 200 } }, limit: { max: 5, windowSeconds: 3600 } },
          query_db: { args: { sql: { pattern: '^select\\b' } }, argumentInjection: { disable: ['sql'] }, onViolation: 'ask' },
          local_fetch: { argumentInjection: false },
        },
        limits: { maxCalls: 100 },
        flow: { untrustedToSink: 'ask', privateToSink: 'block', unsupportedAction: 'flag', allowedDomains: ['example.com', '*.example.org'] },
      },
    });
    expect(policy.tools.rules['send_email']?.onViolation).toBe('block');
    expect(policy.tools.rules['send_email']?.limit?.decision).toBe('block');
  });

  it.each([
    [{ tools: { rules: { a: { labels: ['sends_stuff'] } } } }, 'policy.tools.rules.a.labels.0'],
    [{ tools: { rules: { a: { args: { x: { pattern: '(' } } } } } }, 'policy.tools.rules.a.args.x.pattern: not a valid regular expression'],
    [{ tools: { rules: { a: { args: { to: { domains: ['not a domain'] } } } } } }, 'policy.tools.rules.a.args.to.domains.0'],
    [{ tools: { default: 'maybe' } }, 'policy.tools.default'],
    [{ tools: { flow: { privateToSink: 'explode' } } }, 'policy.tools.flow.privateToSink'],
    [{ tools: { rules: { a: { limit: { max: -1 } } } } }, 'policy.tools.rules.a.limit.max'],
    [{ tools: { rules: { a: { argumentInjection: { disable: ['xss'] } } } } }, 'policy.tools.rules.a.argumentInjection'],
    [{ tools: { rules: { a: { color: 'red' } } } }, 'policy.tools.rules.a'],
  ])('names the field of an error: %j', (input, field) => {
    expect(() => parsePolicy(input)).toThrow(field);
  });
});
