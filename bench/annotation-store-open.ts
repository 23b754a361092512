/**
 * The load half of the annotation-store benchmark, run in a process of its own: it opens the
 * project the benchmark filled, as the app does when an analyst opens a project and then a
 * document, and times `annotations:get` for that document. Prints one line of JSON.
 *
 *   node --import tsx bench/annotation-store-open.ts PROJECT DOCUMENT_ID LOADS
 *
 * Why a process of its own: see bench/annotation-store.ts.
 */
import { createCore } from '../main/core/core.ts';

const [dbPath, documentId, loadsArg] = process.argv.slice(2);
if (!dbPath || !documentId) throw new Error('usage: annotation-store-open.ts PROJECT DOCUMENT_ID [LOADS]');
const runs = Number(loadsArg ?? 7);
const cpuMs = (since: NodeJS.CpuUsage) => {
  const d = process.cpuUsage(since);
  return (d.user + d.system) / 1000;
};
const core = createCore({ dbPath, analystName: 'Bench' });
try {
  const loads: number[] = [];
  const loadCpu: number[] = [];
  const loadGc: number[] = [];
  const pauses: Array<{ start: number; end: number }> = [];
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) pauses.push({ start: e.startTime, end: e.startTime + e.duration });
  });
  observer.observe({ entryTypes: ['gc'] });
  let spans = 0;
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    // Only the count is kept, as the core keeps nothing of an answer it has handed over.
    spans = (await core.services['annotations:get']({ documentId })).spans.length;
    const t1 = performance.now();
    loads.push(t1 - t0);
    loadCpu.push(cpuMs(c0));
    await new Promise((resolve) => setTimeout(resolve, 20)); // the observer is told after the load
    loadGc.push(pauses.reduce((sum, p) => sum + Math.max(0, Math.min(p.end, t1) - Math.max(p.start, t0)), 0));
  }
  observer.disconnect();
  process.stdout.write(`${JSON.stringify({ spans, loads, loadCpu, loadGc })}\n`);
} finally {
  core.close();
}
