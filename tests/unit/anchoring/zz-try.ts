import { loadCorpus } from './corpus.ts';
import { applyEdits } from './edit-script.ts';
import { anchor, anchorAll, makeSelector } from '../../../shared/anchoring/index.ts';
for (const d of loadCorpus()) {
  const edited = applyEdits(d.text, d.script.edits);
  const sels = d.claims.map((c) => makeSelector(d.text, c.start, c.end));
  const results = anchorAll(d.changed, sels);
  d.claims.forEach((c, i) => {
    const r = results[i]!; const f = edited.follow(c.start, c.end);
    const single = anchor(d.changed, sels[i]!);
    const ok = f.fate === 'deleted' ? r.state === 'orphaned' : r.state === 'anchored' && r.start === f.start && r.end === f.end && (f.fate === 'kept') === (r.match === 'exact');
    const sameSingle = JSON.stringify(single) === JSON.stringify(r);
    console.log(d.script.source.slice(0, 6), c.id, f.fate, ok ? 'OK' : 'FAIL', sameSingle ? '' : 'DIFF-single', ok ? '' : JSON.stringify(r), r.state === 'orphaned' ? r.reason : r.match);
  });
}
