import { describe, expect, it } from 'vitest';
import { createGuard } from '../../engine/create-guard.ts';
import { findingsOf } from '../../testing/index.ts';
import { piiEntities } from './entities.ts';
import { createPiiDetector } from './pii-detector.ts';

const detector = createPiiDetector();
/** The default policy's threshold for `leak.pii`: what the table asserts is what a user's guard acts on. */
const threshold = 0.6;

describe('pii entity table', () => {
  it('covers at least 15 entity types', () => {
    expect(new Set(piiEntities.map((entity) => entity.entity)).size).toBeGreaterThanOrEqual(15);
  });
  for (const entity of piiEntities) {
    describe(entity.id, () => {
      it.each(entity.examples.positive.map((text) => ({ text })))('finds: $text', async ({ text }) => {
        const findings = await findingsOf(detector, text, 'tool_result');
        expect(findings.some((finding) => finding.detector === `pii/${entity.id}` && finding.score >= threshold)).toBe(true);
      });
      it.each(entity.examples.negative.map((text) => ({ text })))('does not act on: $text', async ({ text }) => {
        const findings = await findingsOf(detector, text, 'tool_result');
        expect(findings.filter((finding) => finding.detector === `pii/${entity.id}` && finding.score >= threshold)).toEqual([]);
      });
    });
  }
});

describe('pii in context', () => {
  it('redacts a 15-digit Amex number with separators and keeps surrounding text', async () => {
    const guard = createGuard({ detectors: [detector] });
    const verdict = await guard.scan({ surface: 'model_output', text: 'Your Amex 3714-496353-98423 was charged.' });
    expect(verdict.redacted?.text).toBe('Your Amex [CREDIT_CARD] was charged.');
  });

  it('context words raise a bare nine-digit number to an SSN and lower a phone-shaped order number', async () => {
    const withContext = await findingsOf(detector, 'ssn: 216927500', 'prompt');
    expect(withContext.find((finding) => finding.detector === 'pii/us-ssn')?.score).toBeGreaterThanOrEqual(threshold);
    const withoutContext = await findingsOf(detector, 'ref 216927500', 'prompt');
    expect(withoutContext.filter((finding) => finding.score >= threshold)).toEqual([]);
    const order = await findingsOf(detector, 'Order 415-555-0134 shipped', 'prompt');
    expect(order.filter((finding) => finding.score >= threshold)).toEqual([]);
  });

  it('flags PII in nested tool-call arguments by default, and redacts every string when the policy says so', async () => {
    const args = { customer: { contact: { emails: ['olivia_b0@uni-heidelberg.de'] }, payment: { iban: 'GB98 NWBK 5791 0464 8340 08' } } };
    const flagged = await createGuard({ detectors: [detector] }).scan({ surface: 'tool_call', tool: 'crm_update', args });
    expect(flagged.decision).toBe('flag');
    expect(flagged.findings.map((finding) => finding.detector).sort()).toEqual(['pii/email', 'pii/iban']);
    const guard = createGuard({ detectors: [detector], policy: { surfaces: { tool_call: { categories: { 'leak.pii': { action: 'redact' } } } } } });
    const verdict = await guard.scan({
      surface: 'tool_call',
      tool: 'crm_update',
      args: { customer: { contact: { emails: ['olivia_b0@uni-heidelberg.de'] }, payment: { iban: 'GB98 NWBK 5791 0464 8340 08' } } },
    });
    expect(verdict.redacted?.args).toEqual({ customer: { contact: { emails: ['[EMAIL]'] }, payment: { iban: '[IBAN]' } } });
  });

  it('ignores UUIDs, hashes and Luhn-invalid numbers', async () => {
    const text = 'id 3f2504e0-4f89-41d3-9a0c-0305e82c3301 sha 9fceb02d0ae598e95dc970b74767f19372d61af8 card 4111 1111 1111 1112';
    const findings = await findingsOf(detector, text, 'tool_result');
    expect(findings.filter((finding) => finding.score >= threshold)).toEqual([]);
  });
});
