import { describe, expect, it } from 'vitest';
import { stoppedRate, thresholdAtFpr, tprAtFpr } from './metrics.ts';

describe('metrics', () => {
  it('chooses the threshold so at most 1% of negatives score above it', () => {
    const negatives = Array.from({ length: 200 }, (_, index) => index / 200);
    const threshold = thresholdAtFpr(negatives, 0.01);
    expect(negatives.filter((score) => score > threshold).length).toBeLessThanOrEqual(2);
  });
  it('computes TPR at a fixed FPR', () => {
    const negatives = [0, 0, 0, 0, 0.2, 0.3, 0.5, 0.5, 0.6, 0.9];
    expect(tprAtFpr([0.95, 0.91, 0.5, 0.1], negatives, 0.1)).toBe(0.5);
  });
  it('counts stopped examples', () => {
    expect(stoppedRate([{ score: 1, stopped: true }, { score: 0, stopped: false }])).toBe(0.5);
    expect(Number.isNaN(stoppedRate([]))).toBe(true);
  });
});
