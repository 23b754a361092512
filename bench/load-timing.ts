/**
 * Times repeated loads of one document (`annotations:get`) with their CPU time and the garbage
 * collection that fell inside each, as V8 records its pauses. Shared by the annotation-store
 * benchmark and the fresh process it starts (annotation-store-open.ts).
 */
export interface TimedLoads {
  /** What each load returned (the number of spans; the answer itself is not kept). */
  counts: number[];
  loads: number[];
  loadCpu: number[];
  loadGc: number[];
}

const cpuMs = (since: NodeJS.CpuUsage) => {
  const d = process.cpuUsage(since);
  return (d.user + d.system) / 1000;
};

/**
 * `load` must resolve to a count only: the core hands each answer over (IPC, HTTP) and keeps
 * nothing of it, so the previous answer must not still be alive, and copied by the collector,
 * during the next. A load makes about 6 MB of objects; a scavenge that falls inside one copies the
 * part of the answer already built, and on a busy machine its helper threads wait for a core too.
 */
export async function timeLoads(load: () => Promise<number>, runs: number): Promise<TimedLoads> {
  const out: TimedLoads = { counts: [], loads: [], loadCpu: [], loadGc: [] };
  const pauses: Array<{ start: number; end: number }> = [];
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) pauses.push({ start: e.startTime, end: e.startTime + e.duration });
  });
  observer.observe({ entryTypes: ['gc'] });
  try {
    for (let i = 0; i < runs; i++) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      out.counts.push(await load());
      const t1 = performance.now();
      out.loads.push(t1 - t0);
      out.loadCpu.push(cpuMs(c0));
      await new Promise((resolve) => setTimeout(resolve, 20)); // the observer is told after the load
      out.loadGc.push(pauses.reduce((sum, p) => sum + Math.max(0, Math.min(p.end, t1) - Math.max(p.start, t0)), 0));
    }
  } finally {
    observer.disconnect();
  }
  return out;
}
