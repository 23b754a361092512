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
import { timeLoads } from './load-timing.ts';

const [dbPath, documentId, loadsArg] = process.argv.slice(2);
if (!dbPath || !documentId) throw new Error('usage: annotation-store-open.ts PROJECT DOCUMENT_ID [LOADS]');
const runs = Number(loadsArg ?? 7);
const core = createCore({ dbPath, analystName: 'Bench' });
try {
  // Only the count is kept, as the core keeps nothing of an answer it has handed over.
  const timed = await timeLoads(async () => (await core.services['annotations:get']({ documentId })).spans.length, runs);
  process.stdout.write(`${JSON.stringify(timed)}\n`);
} finally {
  core.close();
}
