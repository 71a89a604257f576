import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

describe('property tests under npm test', () => {
  it('draw the same cases every run unless FC_SEED=random', () => {
    const setting = process.env.FC_SEED;
    if (setting === 'random') {
      expect(fc.readConfigureGlobal().seed).toBeUndefined();
      return;
    }
    expect(fc.readConfigureGlobal().seed).toBe(setting ? Number(setting) : 20211115);
    const draw = (): string[] => fc.sample(fc.string({ minLength: 1 }), 20);
    expect(draw()).toEqual(draw());
  });
});
