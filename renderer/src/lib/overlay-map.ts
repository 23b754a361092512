/**
 * A read-only map made from another by a few changes, sharing what did not change.
 *
 * The annotation screen's model is made again at every edit (local-edits.ts), and copying its map
 * of ten thousand spans for each one (`new Map(old)`, then a set) cost ~2.5 ms and left ~0.4 MB
 * that outlives a scavenge: over a run of edits, major collections whose concurrent marking held a
 * core while the next change was painted. `with` gives the same map as that copy would, reading
 * through to the unchanged base; the changes are folded into a new base once they are many.
 *
 * The same as a Map in every answer, iteration order included: the base's entries in their order
 * (a changed value in place, a deleted key left out), then keys new to the base in the order they
 * were set. A base key deleted and set again is new (a Map moves it to the end too).
 */
const DELETED = Symbol('deleted');

/** Changes kept on top of a base before they are folded into a new one. */
const FOLD_AFTER = 256;

export class OverlayMap<K, V> implements ReadonlyMap<K, V> {
  private constructor(
    private readonly base: ReadonlyMap<K, V>,
    /** Base keys changed or deleted (a deleted key that was set again is also in `added`). */
    private readonly changed: ReadonlyMap<K, V | typeof DELETED>,
    /** Keys not in the base, or deleted from it and set again, in the order they were set. */
    private readonly added: ReadonlyMap<K, V>,
    readonly size: number,
  ) {}

  static of<K, V>(map: ReadonlyMap<K, V>): OverlayMap<K, V> {
    return map instanceof OverlayMap ? (map as OverlayMap<K, V>) : new OverlayMap(map, new Map(), new Map(), map.size);
  }

  /** This map with `remove` deleted, then `set` set (a Map's delete and set, in that order); this one is left as it is. */
  with(change: { remove?: Iterable<K>; set?: Iterable<readonly [K, V]> }): OverlayMap<K, V> {
    const changed = new Map(this.changed);
    const added = new Map(this.added);
    let size = this.size;
    const live = (k: K) => this.base.has(k) && changed.get(k) !== DELETED;
    for (const k of change.remove ?? []) {
      if (added.delete(k)) size--;
      else if (live(k)) {
        changed.set(k, DELETED);
        size--;
      }
    }
    for (const [k, v] of change.set ?? []) {
      if (added.has(k)) added.set(k, v);
      else if (live(k)) changed.set(k, v);
      else {
        added.set(k, v);
        size++;
      }
    }
    const next = new OverlayMap(this.base, changed, added, size);
    return changed.size + added.size > FOLD_AFTER ? new OverlayMap(new Map(next), new Map(), new Map(), size) : next;
  }

  get(key: K): V | undefined {
    const a = this.added.get(key);
    if (a !== undefined || this.added.has(key)) return a;
    const c = this.changed.get(key);
    if (c === DELETED) return undefined;
    return c !== undefined || this.changed.has(key) ? (c as V) : this.base.get(key);
  }

  has(key: K): boolean {
    if (this.added.has(key)) return true;
    const c = this.changed.get(key);
    return c === DELETED ? false : c !== undefined || this.changed.has(key) || this.base.has(key);
  }

  *entries(): MapIterator<[K, V]> {
    for (const [k, v] of this.base) {
      const c = this.changed.get(k);
      if (c === DELETED) continue;
      yield [k, c !== undefined || this.changed.has(k) ? (c as V) : v];
    }
    yield* this.added.entries();
  }

  *keys(): MapIterator<K> {
    for (const [k] of this.entries()) yield k;
  }

  *values(): MapIterator<V> {
    for (const [, v] of this.entries()) yield v;
  }

  [Symbol.iterator](): MapIterator<[K, V]> {
    return this.entries();
  }

  forEach(fn: (value: V, key: K, map: ReadonlyMap<K, V>) => void, thisArg?: unknown): void {
    for (const [k, v] of this.entries()) fn.call(thisArg, v, k, this);
  }
}
