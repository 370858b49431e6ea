import { describe, expect, it } from 'vitest';
import { createEndpointPicker } from '../../../harness/drive/autocannon/createEndpointPicker.ts';
import { isScaleproofError } from '../../../harness/errors/ScaleproofError.ts';

const draw = (weights: number[], seed: number, n: number) => {
  const p = createEndpointPicker(weights, seed);
  return Array.from({ length: n }, () => p.next());
};

describe('createEndpointPicker', () => {
  it('draws the same endpoint sequence for the same seed and a different one for another seed', () => {
    expect(draw([5, 3, 2], 42, 200)).toEqual(draw([5, 3, 2], 42, 200));
    expect(draw([5, 3, 2], 43, 200)).not.toEqual(draw([5, 3, 2], 42, 200));
  });

  it('never draws a 0-weight endpoint and draws heavier endpoints more often', () => {
    const seq = draw([0, 7, 0, 3], 1, 5000);
    const counts = [0, 1, 2, 3].map((i) => seq.filter((x) => x === i).length);
    expect(counts[0]).toBe(0);
    expect(counts[2]).toBe(0);
    expect(counts[1]).toBeGreaterThan(counts[3]!);
    expect(counts[1]! + counts[3]!).toBe(5000);
  });

  it('rejects a mix where every weight is 0, or a negative weight, with SP_CONFIG', () => {
    for (const weights of [[0, 0], [1, -1]]) {
      let caught: unknown;
      try {
        createEndpointPicker(weights, 1);
      } catch (err) {
        caught = err;
      }
      expect(isScaleproofError(caught, 'SP_CONFIG')).toBe(true);
    }
  });
});
