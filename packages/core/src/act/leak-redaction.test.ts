import { describe, expect, it } from 'vitest';
import { createMemoryAuditSink } from '../audit/audit.ts';
import type { Detector } from '../detector.ts';
import { createGuard } from '../engine/create-guard.ts';
import { createPiiDetector } from '../detectors/pii/pii-detector.ts';
import { createSecretsDetector } from '../detectors/secrets/secrets-detector.ts';
import type { Surface } from '../surface.ts';

const card = '5184 6772 5741 0698';
const email = 'jane.doe42@gmail.com';
const token = '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';
const detectors = [createSecretsDetector(), createPiiDetector()];

describe('redaction strategies', () => {
  it('mask keeps the last four card digits and the email domain', async () => {
    const guard = createGuard({ detectors, policy: { redaction: { strategy: 'mask' } } });
    const verdict = await guard.scan({ surface: 'model_output', text: `card ${card}, mail ${email}` });
    expect(verdict.redacted?.text).toBe('card **** **** **** 0698, mail j*********@gmail.com');
  });

  it('hash is a keyed HMAC: stable for one key, different for another, and the key never reaches the audit log', async () => {
    const hashKey = 'k'.repeat(32);
    const sink = createMemoryAuditSink();
    const guard = createGuard({ detectors, policy: { redaction: { strategy: 'hash', hashKey } }, audit: sink });
    const first = await guard.scan({ surface: 'prompt', text: `mail ${email}` });
    const second = await guard.scan({ surface: 'prompt', text: `again ${email}` });
    const other = await createGuard({ detectors, policy: { redaction: { strategy: 'hash', hashKey: 'z'.repeat(32) } } }).scan({ surface: 'prompt', text: `mail ${email}` });
    const hashOf = (text = '') => /\[EMAIL:([0-9a-f]{16})\]/.exec(text)?.[1];
    expect(hashOf(first.redacted?.text)).toBeDefined();
    expect(hashOf(first.redacted?.text)).toBe(hashOf(second.redacted?.text));
    expect(hashOf(other.redacted?.text)).not.toBe(hashOf(first.redacted?.text));
    const log = JSON.stringify(sink.events);
    expect(log).not.toContain(hashKey);
    expect(log).not.toContain(email);
  });

  it('applies a strategy per entity and blocks entities whose strategy is block', async () => {
    const policy = { redaction: { strategy: 'redact' as const, entities: { CREDIT_CARD: 'mask' as const, GITHUB_TOKEN: 'block' as const } } };
    const guard = createGuard({ detectors, policy });
    const masked = await guard.scan({ surface: 'model_output', text: `card ${card} for ${email}` });
    expect(masked.redacted?.text).toBe('card **** **** **** 0698 for [EMAIL]');
    const blocked = await guard.scan({ surface: 'model_output', text: `use ${token}` });
    expect(blocked.decision).toBe('block');
    expect(blocked.redacted).toBeUndefined();
  });

  it('rewrites only the leak findings that reach their threshold', async () => {
    const guard = createGuard({ detectors });
    const verdict = await guard.scan({ surface: 'model_output', text: `card ${card}; 415-555-0134` });
    expect(verdict.findings.some((finding) => finding.detector === 'pii/phone' && finding.score < 0.6)).toBe(true);
    expect(verdict.redacted?.text).toBe('card [CREDIT_CARD]; 415-555-0134');
  });

  it('resolves overlapping spans from different detectors once', async () => {
    const overlapping: Detector = {
      meta: { id: 'overlap', categories: ['leak.secret'], surfaces: ['prompt'], description: 'test detector with an overlapping span' },
      scan: (input) => {
        const start = input.extracted.text.indexOf('key ghp_');
        return [{ detector: 'overlap/x', category: 'leak.secret', score: 0.9, message: 'overlap', span: { start, end: start + 12 }, entity: 'SECRET' }];
      },
    };
    const guard = createGuard({ detectors: [...detectors, overlapping] });
    const verdict = await guard.scan({ surface: 'prompt', text: `my key ${token} ok` });
    expect(verdict.redacted?.text).toBe('my [GITHUB_TOKEN] ok');
  });
});

describe('reversible placeholders', () => {
  it('numbers values per session, restores them in the answer, and never restores into tool arguments', async () => {
    const guard = createGuard({ detectors, policy: { redaction: { reversible: true } } });
    const session = { id: 'reversible-1' };
    const prompt = await guard.scan({ surface: 'prompt', text: `Email ${email} the card ${card}` }, session);
    expect(prompt.redacted?.text).toBe('Email [EMAIL_1] the card [CREDIT_CARD_1]');
    const again = await guard.scan({ surface: 'prompt', text: `also cc ${email} and bob.k@proton.me` }, session);
    expect(again.redacted?.text).toBe('also cc [EMAIL_1] and [EMAIL_2]');

    expect(await guard.restore('I emailed [EMAIL_1] and [EMAIL_2] about [CREDIT_CARD_1]; [EMAIL_9] is unknown.', session.id)).toBe(
      `I emailed ${email} and bob.k@proton.me about ${card}; [EMAIL_9] is unknown.`,
    );

    // A tool call the model writes with a placeholder keeps it: the engine never restores into arguments.
    const call = await guard.scan({ surface: 'tool_call', tool: 'send_email', args: { to: '[EMAIL_1]' } }, session);
    expect(call.decision).toBe('allow');
    expect(call.redacted).toBeUndefined();

    // Values redacted from model output are outbound leaks: plain placeholders, not restorable.
    const output = await guard.scan({ surface: 'model_output', text: 'their mail is m.rossi80@proton.me' }, session);
    expect(output.redacted?.text).toBe('their mail is [EMAIL]');
    expect((await guard.session(session.id))?.placeholders).toEqual({
      '[EMAIL_1]': email,
      '[CREDIT_CARD_1]': card,
      '[EMAIL_2]': 'bob.k@proton.me',
    });
  });
});

describe('every surface is scanned', () => {
  const cases: Array<[Surface, object]> = [
    ['prompt', { surface: 'prompt', text: `here is my key ${token}` }],
    ['model_output', { surface: 'model_output', text: `Your key is ${token}` }],
    ['tool_result', { surface: 'tool_result', tool: 'read_file', text: `GITHUB_TOKEN=${token}` }],
    ['document', { surface: 'document', text: `token: ${token}` }],
    ['tool_call', { surface: 'tool_call', tool: 'deploy', args: { env: [{ name: 'GH', value: { secret: token } }] } }],
  ];
  it.each(cases)('%s', async (_surface, subject) => {
    const guard = createGuard();
    const verdict = await guard.scan(subject as never);
    expect(verdict.findings.some((finding) => finding.detector === 'secrets/github-pat')).toBe(true);
    expect(verdict.decision).toBe('redact');
    expect(JSON.stringify(verdict.redacted)).not.toContain(token);
  });
});
