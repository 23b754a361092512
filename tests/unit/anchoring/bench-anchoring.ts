/**
 * Rough figures for anchoring at scale: a 1 MB text with 10,000 spans, re-anchored unchanged, after an
 * insertion at the top, and after edits that send some spans to the approximate search and orphan
 * others. A script, not a test (tests never assert on time):
 *   npx tsx tests/unit/anchoring/bench-anchoring.ts
 */
import { anchorAll, makeSelector, snapToWords, type TextSpanSelector } from '../../../shared/anchoring/index.ts';
import { loadCorpus } from './corpus.ts';

let seed = 42;
const random = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;

// Paragraphs of the corpus, each numbered so that no paragraph of the big text repeats another.
const paragraphs = loadCorpus().flatMap((d) => d.text.split('\n\n')).filter((p) => p.length > 40);
const parts: string[] = [];
let size = 0;
for (let i = 0; size < 1_000_000; i++) {
  // Every sixth word tagged with the paragraph's number: no two paragraphs share a sentence.
  const words = (paragraphs[i % paragraphs.length] ?? '').split(' ');
  const p = words.map((w, k) => ((k + i) % 6 === 0 ? `${w}#${i}` : w)).join(' ');
  parts.push(p);
  size += p.length + 2;
}
const text = parts.join('\n\n');

const selectors: TextSpanSelector[] = [];
while (selectors.length < 10_000) {
  const at = Math.floor(random() * (text.length - 300));
  const length = 5 + Math.floor(random() * 200);
  const { start, end } = snapToWords(text, at, at + length);
  if (end > start && !text.slice(start, end).includes('\n')) selectors.push(makeSelector(text, start, end));
}

function run(label: string, changed: string): void {
  const t0 = performance.now();
  const results = anchorAll(changed, selectors);
  const ms = performance.now() - t0;
  const tally = { position: 0, exact: 0, fuzzy: 0, orphaned: 0 };
  for (const r of results) tally[r.state === 'orphaned' ? 'orphaned' : r.match]++;
  console.log(`${label}: ${ms.toFixed(0)} ms for ${selectors.length} spans`, JSON.stringify(tally));
  // The approximate search alone, per span, for the spans that needed it.
  const slow = selectors.filter((_, i) => {
    const r = results[i];
    return r !== undefined && (r.state === 'orphaned' || r.match === 'fuzzy');
  });
  if (slow.length === 0) return;
  const t1 = performance.now();
  const again = slow.map((selector) => anchorAll(changed, [selector])[0]);
  const each = (performance.now() - t1) / slow.length;
  console.log(`  fuzzy or orphaned, anchored one by one (no hint): ${each.toFixed(1)} ms each over ${again.length}`);
}

console.log(`text: ${text.length} UTF-16 units`);
run('unchanged', text);
run('paragraph inserted at the top', `A new first paragraph.\n\n${text}`);

// Every 50th paragraph loses a word in the middle, every 200th is deleted.
const edited = parts
  .map((p, i) => (i % 200 === 0 ? null : i % 50 === 0 ? p.replace(/ (\w+) (\w+) /, ' $2 ') : p))
  .filter((p): p is string => p !== null)
  .join('\n\n');
run('edited (1 paragraph in 50 changed, 1 in 200 deleted)', `A new first paragraph.\n\n${edited}`);
