import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { Lane } from '../../../main/core/runtime.ts';

/** A full garbage collection (the flag is switched on at run time, as the benchmarks do). */
function collectGarbage(): void {
  v8.setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('Lane', () => {
  it('runs calls one at a time, in order, and goes on after one fails', async () => {
    const lane = new Lane();
    const log: string[] = [];
    const slow = lane.run(async () => {
      log.push('a start');
      await tick();
      log.push('a end');
      return 'a';
    });
    const failing = lane.run(() => {
      log.push('b');
      throw new Error('b failed');
    });
    const last = lane.run(() => {
      log.push('c');
      return 'c';
    });
    await expect(slow).resolves.toBe('a');
    await expect(failing).rejects.toThrow('b failed');
    await expect(last).resolves.toBe('c');
    expect(log).toEqual(['a start', 'a end', 'b', 'c']);
  });

  it('does not keep the last result alive once its caller has let go of it', async () => {
    const lane = new Lane();
    let ref: WeakRef<object> | undefined;
    await (async () => {
      const report = await lane.run(() => ({ files: new Array(10_000).fill('x') }));
      ref = new WeakRef(report);
    })();
    await tick();
    collectGarbage();
    await tick();
    collectGarbage();
    expect(ref?.deref()).toBeUndefined();
  });
});
