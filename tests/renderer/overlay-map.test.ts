/**
 * OverlayMap answers as the Map it stands for: a copy of the old one with the same deletes and sets,
 * checked after every step of long random runs (folds included), iteration order too.
 */
import { describe, expect, it } from 'vitest';
import { OverlayMap } from '../../renderer/src/lib/overlay-map.ts';
import { seeded as rng } from './fakes/random.ts';

const same = (o: OverlayMap<string, number>, m: Map<string, number>, keys: string[]) => {
  expect([...o]).toEqual([...m]);
  expect([...o.keys()]).toEqual([...m.keys()]);
  expect([...o.values()]).toEqual([...m.values()]);
  expect(o.size).toBe(m.size);
  for (const k of keys) {
    expect(o.get(k), k).toBe(m.get(k));
    expect(o.has(k), k).toBe(m.has(k));
  }
  const seen: Array<[string, number]> = [];
  o.forEach((v, k) => seen.push([k, v]));
  expect(seen).toEqual([...m]);
};

describe('OverlayMap', () => {
  for (const [count, steps, width] of [[60, 2000, 3], [700, 600, 8]] as const) {
  // The second run changes more keys than the overlay keeps before folding them into a new base.
  it(`answers as a copied Map through ${steps} random edits of ${count} keys, each leaving the one before unchanged`, () => {
    const r = rng(count);
    const keys = Array.from({ length: count }, (_, i) => `k${i}`);
    let m = new Map(keys.slice(0, (count * 2) / 3).map((k, i) => [k, i] as [string, number]));
    let o = OverlayMap.of(m);
    let value = 1000;
    for (let step = 0; step < steps; step++) {
      const remove = Array.from({ length: Math.floor(r() * width) }, () => keys[Math.floor(r() * keys.length)]!);
      const set = Array.from({ length: Math.floor(r() * width) }, () => [keys[Math.floor(r() * keys.length)]!, value++] as const);
      const before = [...o];
      const next = new Map(m);
      for (const k of remove) next.delete(k);
      for (const [k, v] of set) next.set(k, v);
      const moved = o.with({ remove, set });
      expect([...o]).toEqual(before);
      m = next;
      o = moved;
      same(o, m, step % 10 === 0 ? keys : keys.slice(0, 50));
    }
  });
  }

  it('moves a key deleted and set again to the end, as a Map does, and keeps undefined values apart from absent keys', () => {
    const o = OverlayMap.of(new Map<string, number | undefined>([['a', 1], ['b', 2], ['c', undefined]]));
    const next = o.with({ remove: ['a'] }).with({ set: [['a', 9]] });
    expect([...next.keys()]).toEqual(['b', 'c', 'a']);
    expect(next.has('c')).toBe(true);
    expect(next.get('c')).toBeUndefined();
    expect(next.with({ set: [['c', undefined]] }).has('c')).toBe(true);
    expect(next.with({ remove: ['c'] }).has('c')).toBe(false);
    expect(OverlayMap.of(next)).toBe(next);
  });
});
