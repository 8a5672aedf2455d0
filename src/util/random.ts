import { mersenne } from 'pure-rand/generator/mersenne';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';

/** A seeded generator of uniform and standard-normal numbers (Mersenne Twister). */
export interface Prng {
  /** Uniform in [0, 1). */
  uniform(): number;
  /** Standard normal (Box–Muller). */
  normal(): number;
}

export function prng(seed: number): Prng {
  const gen = mersenne(seed >>> 0);
  let spare: number | null = null;
  const uniform = () => uniformFloat64(gen);
  return {
    uniform,
    normal() {
      if (spare !== null) {
        const s = spare;
        spare = null;
        return s;
      }
      let u1 = uniform();
      while (u1 <= 0) u1 = uniform();
      const u2 = uniform();
      const r = Math.sqrt(-2 * Math.log(u1));
      spare = r * Math.sin(2 * Math.PI * u2);
      return r * Math.cos(2 * Math.PI * u2);
    },
  };
}
