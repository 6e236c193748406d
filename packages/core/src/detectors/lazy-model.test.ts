import { describe, expect, it } from 'vitest';
import { lazyModel } from './lazy-model.ts';

describe('lazyModel', () => {
  it('calls a loader once, on first use, and hands every caller the same model', async () => {
    let calls = 0;
    const model = lazyModel(async () => {
      calls += 1;
      return { id: 'm' };
    });
    expect(calls).toBe(0);
    const [first, second] = await Promise.all([model(), model()]);
    expect(first).toBe(second);
    expect(calls).toBe(1);
  });

  it('returns a given model as is, and nothing for false', () => {
    const given = { id: 'given' };
    expect(lazyModel(given)()).toBe(given);
    expect(lazyModel(false)()).toBeUndefined();
  });

  it('keeps a failed load failed (the detector throws, the policy fails closed)', async () => {
    const model = lazyModel(async () => {
      throw new Error('missing file');
    });
    await expect(model()).rejects.toThrow('missing file');
    await expect(model()).rejects.toThrow('missing file');
  });
});
