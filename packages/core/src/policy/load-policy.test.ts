import { describe, expect, it } from 'vitest';
import { BulwarkConfigError } from '../errors.ts';
import { parsePolicyText } from './load-policy.ts';

describe('parsePolicyText', () => {
  it('reads YAML and applies defaults', () => {
    const policy = parsePolicyText('mode: shadow\ncategories:\n  injection:\n    threshold: 0.6\n');
    expect(policy.mode).toBe('shadow');
    expect(policy.failMode).toBe('closed');
    expect(policy.categories.injection?.threshold).toBe(0.6);
  });
  it('reads JSON', () => {
    expect(parsePolicyText('{"failMode":"open"}').failMode).toBe('open');
  });
  it('names the file and the field of a mistake', () => {
    expect(() => parsePolicyText('categories:\n  injection:\n    action: explode\n', 'bulwark.yaml')).toThrow(/bulwark\.yaml\.categories\.injection\.action/);
    expect(() => parsePolicyText('mode: [', 'p.yaml')).toThrow(BulwarkConfigError);
  });
});
