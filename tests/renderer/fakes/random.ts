/** A seeded generator for the renderer's property tests (a linear congruential one), so that a failing run replays. */
export function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}
