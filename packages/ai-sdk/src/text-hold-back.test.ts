import { describe, expect, it } from 'vitest';
import { releaseBoundary, rewriteRange, scanIntervalAt } from './text-hold-back.ts';

const text = 'abc SECRET def SECRET ghi';
const spans = [
  { start: 4, end: 10, replacement: '[K]' },
  { start: 15, end: 21, replacement: '[K]' },
];

describe('rewriteRange', () => {
  it.each([
    { from: 0, to: text.length, expected: 'abc [K] def [K] ghi' },
    { from: 0, to: 4, expected: 'abc ' },
    { from: 10, to: 15, expected: ' def ' },
    { from: 10, to: text.length, expected: ' def [K] ghi' },
    // a span found only after part of it left: the rest of it is dropped and its replacement sent instead
    { from: 7, to: 12, expected: '[K] d' },
  ])('rewrites [$from, $to) as "$expected"', ({ from, to, expected }) => {
    expect(rewriteRange(text, from, to, spans)).toBe(expected);
  });

  it('releases unredacted text unchanged', () => {
    expect(rewriteRange(text, 2, 9, [])).toBe('c SECRE');
  });
});

describe('releaseBoundary', () => {
  it.each([
    { name: 'holds back the window', length: 100, released: 0, holdBack: 30, spans: [], expected: 70 },
    { name: 'never goes below what was released', length: 100, released: 80, holdBack: 30, spans: [], expected: 80 },
    { name: 'does not split a span crossing the cut', length: 100, released: 0, holdBack: 30, spans: [{ start: 60, end: 80, replacement: '[K]' }], expected: 60 },
    { name: 'holds a span that ends at the cut (it may still grow)', length: 100, released: 0, holdBack: 30, spans: [{ start: 50, end: 70, replacement: '[K]' }], expected: 50 },
    { name: 'releases past a span well before the cut', length: 100, released: 0, holdBack: 30, spans: [{ start: 10, end: 20, replacement: '[K]' }], expected: 70 },
    {
      name: 'moves back across adjacent spans',
      length: 100,
      released: 0,
      holdBack: 30,
      spans: [
        { start: 40, end: 60, replacement: '[K]' },
        { start: 60, end: 75, replacement: '[K]' },
      ],
      expected: 40,
    },
  ])('$name', ({ length, released, holdBack, spans: given, expected }) => {
    expect(releaseBoundary(length, released, holdBack, given)).toBe(expected);
  });
});

describe('scanIntervalAt', () => {
  it('is the configured interval for short blocks and 1/32 of long ones', () => {
    expect(scanIntervalAt(100, 16)).toBe(16);
    expect(scanIntervalAt(3_200, 16)).toBe(100);
    expect(scanIntervalAt(32_000, 16)).toBe(1_000);
  });
});
