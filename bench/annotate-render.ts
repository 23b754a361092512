/**
 * Benchmark: drawing annotations in the document view (ARCHITECTURE.md, "Performance budgets"):
 * one document of ~1 MB with 10,000 highlighted spans paints within 50 ms of its spans being loaded,
 * and one span added or removed is on screen within 4 ms; no DOM node per span.
 *
 * Measured in the browser, on the real app: a rAF loop records each frame and, through a message
 * posted from its rAF callback, the moment right after that frame was rendered. The app marks when
 * spans arrive (`claimdesk.annotations.loaded`) and measures each highlight operation
 * (`claimdesk.highlights.set|add|remove`); a figure is the time from the start of the work to the
 * end of the first frame rendered after it. Adding and removing go through the UI: a word is
 * selected, N marks it as a note, Delete removes it.
 *
 *   measureAnnotateRender(page, url)   with a Chromium page (playwright-core) and the served app
 *   annotateRender                     the same as a `Benchmark` for bench/index.ts (starts its own
 *                                      web host on a temporary project and Debian's Chromium)
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { toWire } from '../shared/wire.ts';
import { startWebHost } from '../main/web/server.ts';
import type { Benchmark, BenchResult, Figure } from './benchmark.ts';
import { summarize } from './stats.ts';

export interface AnnotateRenderOptions {
  bytes?: number;
  spans?: number;
  /** How many single spans to add and remove. */
  repeats?: number;
  log?: (message: string) => void;
}

const KINDS: Array<[kind: string, share: number, words: [number, number]]> = [
  ['claim', 0.25, [8, 30]], ['denial', 0.03, [6, 20]], ['dispute', 0.02, [6, 20]], ['source', 0.15, [1, 4]], ['cue', 0.1, [1, 2]],
  ['channel', 0.05, [2, 4]], ['entity', 0.2, [1, 3]], ['quantity', 0.08, [1, 3]], ['date', 0.04, [1, 2]], ['note', 0.05, [3, 12]], ['excluded', 0.03, [5, 40]],
];
const WORDS = 'the army said smugglers border militias officials reported drugs captagon tablets seized confirmed sources according told television statement week tons crossing province ministry forces groups attack village residents'.split(' ');

/** A deterministic pseudo-random number generator (mulberry32), so every run draws the same document. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Generated {
  text: string;
  nonce: string;
  spans: Array<{ kind: string; start: number; end: number }>;
  /** Word offsets free of spans, for the add/remove rounds. */
  free: Array<{ start: number; end: number }>;
}

function generate(bytes: number, count: number): Generated {
  const random = rng(20240501);
  const nonce = `benchnonce${Date.now().toString(36)}`;
  const paragraphs: Array<Array<{ start: number; end: number }>> = [];
  let text = `Annotate render benchmark ${nonce}\n\n`;
  while (text.length < bytes) {
    const words: Array<{ start: number; end: number }> = [];
    const n = 80 + Math.floor(random() * 120);
    for (let i = 0; i < n; i++) {
      if (i > 0) text += ' ';
      const w = WORDS[Math.floor(random() * WORDS.length)]!;
      words.push({ start: text.length, end: text.length + w.length });
      text += w;
    }
    text += '.\n\n';
    paragraphs.push(words);
  }
  const spans: Generated['spans'] = [];
  const used = new Set<number>();
  for (let i = 0; i < count; i++) {
    let r = random();
    const [kind, , [lo, hi]] = KINDS.find(([, share]) => (r -= share) < 0) ?? KINDS[0]!;
    const words = paragraphs[Math.floor(random() * (paragraphs.length - 1))]!;
    const first = Math.floor(random() * words.length);
    const last = Math.min(words.length - 1, first + lo - 1 + Math.floor(random() * (hi - lo + 1)));
    spans.push({ kind, start: words[first]!.start, end: words[last]!.end });
    for (let w = first; w <= last; w++) used.add(words[w]!.start);
  }
  const free = paragraphs.at(-1)!.filter((w) => !used.has(w.start));
  return { text, nonce, spans, free };
}

async function call(url: string, token: string, channel: string, input: unknown): Promise<unknown> {
  const response = await fetch(new URL(`api/call/${channel}`, url), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Claimdesk-Token': token },
    body: toWire(input),
  });
  const result = (await response.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
  if (!result.ok) throw new Error(`${channel}: ${result.error?.message}`);
  return result.value;
}

/**
 * Installed before the app loads: every frame's rAF time, and the time just after it was rendered.
 * A string, not a function: a function's source, as transpiled for Node, may call helpers the page
 * does not have.
 */
const RECORD_FRAMES = `
  window.__frames = [];
  const loop = () => {
    const raf = performance.now();
    const channel = new MessageChannel();
    channel.port1.onmessage = () => window.__frames.push({ raf, after: performance.now() });
    channel.port2.postMessage(0);
    requestAnimationFrame(loop);
  };
  requestAnimationFrame(loop);
`;

/** For each measure of `name` (from `since` on): end of the first frame rendered after it, minus its start. */
async function toPainted(page: Page, name: string, since: number): Promise<Array<{ work: number; painted: number; start: number }>> {
  await page.waitForTimeout(100); // let the frame after the last operation be recorded
  return page.evaluate(
    ({ name, since }) => {
      const frames = (window as unknown as { __frames: Array<{ raf: number; after: number }> }).__frames;
      return performance
        .getEntriesByName(name)
        .filter((m) => m.startTime >= since)
        .map((m) => {
          const end = m.startTime + m.duration;
          const frame = frames.find((f) => f.raf >= end);
          return { start: m.startTime, work: m.duration, painted: frame ? frame.after - m.startTime : Number.NaN };
        });
    },
    { name, since },
  );
}

export async function measureAnnotateRender(page: Page, appUrl: string, options: AnnotateRenderOptions = {}): Promise<BenchResult> {
  const { bytes = 1_000_000, spans: count = 10_000, repeats = 20, log = () => {} } = options;
  await page.goto(appUrl);
  const token = await page.locator('meta[name="claimdesk-token"]').getAttribute('content');
  if (!token) throw new Error('The page has no claimdesk-token.');
  // Away from the app while the spans are written, so that it does not refresh 10,000 times.
  await page.goto('about:blank');
  const gen = generate(bytes, count);
  log(`document of ${gen.text.length.toLocaleString('en-US')} characters, ${gen.spans.length.toLocaleString('en-US')} spans`);
  const report = (await call(appUrl, token, 'documents:import', {
    jobId: `bench-${gen.nonce}`,
    files: [{ name: `${gen.nonce}.txt`, data: new TextEncoder().encode(gen.text) }],
  })) as { files: Array<{ documentId?: string }> };
  const documentId = report.files[0]?.documentId;
  if (!documentId) throw new Error('The benchmark document was not imported.');
  const t0 = performance.now();
  let next = 0;
  const worker = async () => {
    while (next < gen.spans.length) {
      const s = gen.spans[next++]!;
      await call(appUrl, token, 'spans:create', { documentId, kind: s.kind, start: s.start, end: s.end, exact: gen.text.slice(s.start, s.end) });
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
  log(`spans written in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  await page.addInitScript(RECORD_FRAMES);
  await page.goto(appUrl);
  await page.getByRole('searchbox', { name: 'Search documents' }).fill(gen.nonce);
  await page.locator('button.hit').first().click();
  await page.waitForFunction((n) => performance.getEntriesByName('claimdesk.highlights.set').some((m) => (m as PerformanceMeasure).detail?.drawn >= n), count, { timeout: 120_000 });
  const load = await page.evaluate(() => {
    const loaded = performance.getEntriesByName('claimdesk.annotations.loaded')[0]!.startTime;
    const set = performance.getEntriesByName('claimdesk.highlights.set')[0] as PerformanceMeasure;
    return { loaded, setStart: set.startTime, setMs: set.duration, nodes: document.querySelectorAll('article.doc-text *').length, paragraphs: document.querySelectorAll('article.doc-text p').length };
  });
  const [first] = await toPainted(page, 'claimdesk.highlights.set', 0);
  const loadToPaint = first!.start + first!.painted - load.loaded;
  log(`loaded → painted ${loadToPaint.toFixed(1)} ms (highlights built in ${load.setMs.toFixed(1)} ms)`);

  const since = await page.evaluate(() => performance.now());
  const article = page.getByRole('article', { name: 'Document text' });
  for (let i = 0; i < repeats; i++) {
    const w = gen.free[(i * 7) % gen.free.length]!;
    await article.evaluate((el, { w }) => {
      const ps = Array.from(el.querySelectorAll<HTMLElement>('p[data-start]'));
      const p = ps.findLast((x) => Number(x.dataset.start) <= w.start)!;
      const node = p.firstChild as Text;
      const at = Number(p.dataset.start);
      p.scrollIntoView({ block: 'center' });
      document.getSelection()!.setBaseAndExtent(node, w.start - at, node, w.end - at);
      p.dispatchEvent(new MouseEvent('mousedown', { bubbles: true, button: 0 }));
      p.dispatchEvent(new MouseEvent('mouseup', { bubbles: true, button: 0 }));
    }, { w });
    await page.getByRole('toolbar', { name: 'Annotate' }).waitFor();
    await page.keyboard.press('n');
    await page.waitForFunction((k) => performance.getEntriesByName('claimdesk.highlights.add').length >= k, i + 1);
    await page.waitForTimeout(150);
    await page.keyboard.press('Delete');
    await page.waitForFunction((k) => performance.getEntriesByName('claimdesk.highlights.remove').length >= k, i + 1);
    await page.waitForTimeout(150);
  }
  const added = await toPainted(page, 'claimdesk.highlights.add', since);
  const removed = await toPainted(page, 'claimdesk.highlights.remove', since);
  const add = summarize(added.map((a) => a.painted));
  const remove = summarize(removed.map((a) => a.painted));
  const note = `${count.toLocaleString('en-US')} spans, ${(gen.text.length / 1e6).toFixed(2)} MB`;
  const figures: Figure[] = [
    { key: 'annotate.load.paintMs', label: 'spans loaded → painted', value: loadToPaint, unit: 'ms', budget: { op: '<=', limit: 50 }, note },
    { key: 'annotate.load.buildMs', label: 'building the highlights (in that)', value: load.setMs, unit: 'ms', note },
    { key: 'annotate.add.p50Ms', label: 'one span added → painted, p50', value: add.p50, unit: 'ms', note: `${add.n} adds` },
    { key: 'annotate.add.maxMs', label: 'one span added → painted, max', value: add.max, unit: 'ms', budget: { op: '<=', limit: 4 }, note: `${add.n} adds` },
    { key: 'annotate.remove.p50Ms', label: 'one span removed → painted, p50', value: remove.p50, unit: 'ms', note: `${remove.n} removes` },
    { key: 'annotate.remove.maxMs', label: 'one span removed → painted, max', value: remove.max, unit: 'ms', budget: { op: '<=', limit: 4 }, note: `${remove.n} removes` },
    { key: 'annotate.dom.nodes', label: 'elements in the text pane', value: load.nodes, unit: 'count', note: `${load.paragraphs} paragraphs; none per span` },
  ];
  return {
    figures,
    details: { bytes: gen.text.length, spans: count, repeats, adds: added, removes: removed, load },
    notes: ['"painted" = the end of the first frame rendered after the work (rAF, then a message posted from it).'],
  };
}

const ROOT = fileURLToPath(new URL('../', import.meta.url));

export const annotateRender: Benchmark = {
  name: 'annotate-render',
  description: 'document view: 1 MB, 10,000 spans painted with the CSS Custom Highlight API; one span added/removed (real Chromium, needs npm run build:renderer)',
  options: {
    bytes: { default: 1_000_000, help: 'size of the document in characters' },
    spans: { default: 10_000, help: 'spans in it' },
    repeats: { default: 20, help: 'single spans added and removed' },
  },
  async run(ctx) {
    const host = await startWebHost({ dbPath: path.join(ctx.tempDir('project'), 'bench.claimdesk'), staticDir: path.join(ROOT, 'out/renderer') });
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-background-networking', '--no-first-run'] });
    try {
      const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
      return await measureAnnotateRender(page, host.url, {
        bytes: Number(ctx.options.bytes), spans: Number(ctx.options.spans), repeats: Number(ctx.options.repeats), log: ctx.log,
      });
    } finally {
      await browser.close();
      await host.close();
    }
  },
};
