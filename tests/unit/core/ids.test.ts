import { describe, expect, it } from 'vitest';
import { validate, version } from 'uuid';
import { idGenerator, newId } from '../../../main/core/ids.ts';

const V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const msOf = (id: string): number => parseInt(id.slice(0, 8) + id.slice(9, 13), 16);
/** The 32-bit counter: rand_a's 12 bits, then rand_b's 20 bits after the variant. */
const counterOf = (id: string): number => {
  const hex = id.replace(/-/g, '');
  const randA = parseInt(hex.slice(13, 16), 16);
  const b = parseInt(hex.slice(16, 22), 16); // variant (2 bits) + 22 bits
  return randA * 2 ** 20 + ((b >>> 2) & 0xfffff);
};

describe('newId', () => {
  it('makes RFC 9562 version 7 UUIDs carrying the current time', () => {
    const before = Date.now();
    const id = newId();
    const after = Date.now();
    expect(id).toMatch(V7);
    expect(validate(id)).toBe(true);
    expect(version(id)).toBe(7);
    expect(msOf(id)).toBeGreaterThanOrEqual(before);
    expect(msOf(id)).toBeLessThanOrEqual(after);
  });

  it('is strictly increasing and unique across refills of the random pool', () => {
    const ids = Array.from({ length: 20_000 }, () => newId());
    expect(ids.filter((id, i) => i > 0 && !(id > ids[i - 1]!))).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids.slice(0, 50)) expect(id).toMatch(V7);
  });

  it('stays increasing when the clock stands still or steps back', () => {
    const times = [1_700_000_000_000, 1_700_000_000_000, 1_700_000_000_000, 1_699_999_999_000, 1_700_000_000_001];
    let t = 0;
    const next = idGenerator({ clock: () => times[Math.min(t++, times.length - 1)]! });
    const ids = times.map(() => next());
    for (let i = 1; i < ids.length; i++) expect(ids[i]! > ids[i - 1]!).toBe(true);
    expect(ids.slice(0, 4).map(msOf)).toEqual([1_700_000_000_000, 1_700_000_000_000, 1_700_000_000_000, 1_700_000_000_000]);
    expect(counterOf(ids[1]!)).toBe(counterOf(ids[0]!) + 1);
    expect(counterOf(ids[3]!)).toBe(counterOf(ids[0]!) + 3);
    expect(msOf(ids[4]!)).toBe(1_700_000_000_001);
  });

  it('seeds the counter with 31 random bits per millisecond and counts past 2^31 in order', () => {
    const next = idGenerator({ clock: () => 1_700_000_000_000, fillRandom: (b) => b.fill(0xff) });
    const ids = [next(), next(), next()];
    expect(counterOf(ids[0]!)).toBe(0x7fffffff);
    expect(counterOf(ids[1]!)).toBe(0x80000000);
    expect(counterOf(ids[2]!)).toBe(0x80000001);
    expect(ids[0]! < ids[1]! && ids[1]! < ids[2]!).toBe(true);
    for (const id of ids) expect(validate(id) && version(id) === 7).toBe(true);
  });

  it('takes the random tail from the pool, so two generators do not collide', () => {
    const a = idGenerator({ clock: () => 1_700_000_000_000 });
    const b = idGenerator({ clock: () => 1_700_000_000_000 });
    expect(a()).not.toBe(b());
  });
});
