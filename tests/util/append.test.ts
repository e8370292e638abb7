// append: push without spreading, for arrays longer than the stack allows as arguments.
import { describe, expect, test } from '@jest/globals';
import { append } from '../../src/util/append.js';

describe('append', () => {
  test('appends in order and returns the target', () => {
    const into = [1, 2];
    expect(append(into, [3, 4])).toBe(into);
    expect(into).toEqual([1, 2, 3, 4]);
    expect(append([], [])).toEqual([]);
  });

  test('takes an array too long to spread into push (the signals of a 3 MB file of noisy copy)', () => {
    const items = Array.from({ length: 1_000_000 }, (_, i) => i);
    expect(() => [].push(...(items as never[]))).toThrow(RangeError);
    const into: number[] = [];
    append(into, items);
    expect([into.length, into[999_999]]).toEqual([1_000_000, 999_999]);
  });
});
