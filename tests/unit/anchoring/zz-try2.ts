import fs from 'node:fs';
import { loadCorpus, locate, CORPUS_DIR } from './corpus.ts';
import { applyEdits } from './edit-script.ts';
import { anchorAll, makeSelector } from '../../../shared/anchoring/index.ts';
for (const d of loadCorpus()) {
  if (d.script.source.startsWith('arabic')) continue;
  const gold = JSON.parse(fs.readFileSync(CORPUS_DIR + 'gold/' + d.script.source.replace('.txt', '.gold.json'), 'utf8'));
  const qs = (gold.quantities as { id: string; exact: string; occurrence: number }[]).map((q) => { const s = locate(d.text, q.exact, q.occurrence); return { id: q.id, exact: q.exact, start: s, end: s + q.exact.length }; });
  const edited = applyEdits(d.text, d.script.edits);
  const results = anchorAll(d.changed, qs.map((q) => makeSelector(d.text, q.start, q.end)));
  qs.forEach((q, i) => {
    const r = results[i]!; let f;
    try { f = edited.follow(q.start, q.end); } catch (e) { console.log(q.id, 'edge', q.exact); return; }
    const ok = f.fate === 'deleted' ? r.state === 'orphaned' : r.state === 'anchored' && r.start === f.start && r.end === f.end;
    console.log(d.script.source.slice(0, 3), q.id, JSON.stringify(q.exact), d.text.split(q.exact).length - 1, f.fate, ok ? 'OK' : 'FAIL ' + JSON.stringify(r) + JSON.stringify(f), r.state === 'orphaned' ? r.reason : r.match);
  });
}
