import { describe, expect, it } from 'vitest';
import { emailsIn } from './text-keys.ts';

describe('emailsIn', () => {
  it('finds addresses, lower case, with their whole local part', () => {
    expect(emailsIn('Write to Bob.Smith+x@Mail.Example.co.uk or alice@corp.io.')).toEqual(['bob.smith+x@mail.example.co.uk', 'alice@corp.io']);
  });

  // Not a speed goal: the unanchored local part retried from every offset (~20 s here, 1.2 s for a 50 KB tool argument).
  it('finishes on a long run of local-part characters without an @ (no quadratic backtracking)', { timeout: 5_000 }, () => {
    expect(emailsIn('a'.repeat(200_000))).toEqual([]);
    expect(emailsIn(`${'a'.repeat(200_000)}@example.org`)).toHaveLength(1);
  });
});
