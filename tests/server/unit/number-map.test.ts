import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NumberMap } from '../../../server/src/domain/number-map';

describe('NumberMap', () => {
  it('behaves like a Map for integer keys, across growth', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.oneof(fc.nat(1000), fc.maxSafeNat()),
            fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
          ),
          {
            maxLength: 300,
          },
        ),
        (entries) => {
          const map = new NumberMap(2);
          const reference = new Map<number, number>();
          for (const [k, v] of entries) {
            map.set(k, v);
            reference.set(k, v);
          }
          expect(map.size).toBe(reference.size);
          for (const [k, v] of reference) expect(map.get(k)).toBe(v);
          expect(map.get(2 ** 53 - 2)).toBe(reference.get(2 ** 53 - 2));
        },
      ),
    );
  });

  it('refuses keys it cannot store exactly', () => {
    const map = new NumberMap();
    expect(() => map.set(-1, 0)).toThrow(RangeError);
    expect(() => map.set(1.5, 0)).toThrow(RangeError);
    expect(() => map.set(2 ** 53, 0)).toThrow(RangeError);
  });
});
