/**
 * Duplicate source suggestions: pairs of sources that are probably one speaker, scored from their
 * names and aliases. Transliterations of Arabic names differ mostly in vowels and doubled letters
 * ("Hezbollah" / "Hizbullah", "Kataib" / "Kata'ib"), so names are compared by a consonant skeleton as
 * well as by their words; demonyms and possessives are reduced ("the Jordanian army" / "Jordan's
 * army"). Suggestions are only ever proposed: merging is the analyst's decision.
 */
import type { DuplicateSuggestion } from '../../../shared/review-schemas.ts';

interface Candidate {
  id: string;
  name: string;
  names: string[];
}

// Articles, and pronouns: an alias like "They" names nobody in particular and must not pair sources.
const STOP = new Set(['the', 'of', 'a', 'an', 'al', 'el', 'and', 'unnamed', 'group', 'they', 'he', 'she', 'it', 'we', 'them', 'him', 'her', 'his', 'its', 'their']);

/** Lowercase words without articles, possessives or demonym endings. */
export function nameWords(name: string): string[] {
  return name
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/['’`]s\b/g, '')
    .replace(/['’`]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w && !STOP.has(w))
    .map((w) => w.replace(/(?:ian|ese|ish|i)$/, (m, offset: number) => (offset >= 4 ? '' : m)));
}

/** Consonant skeleton: "hezbollah" and "hizbullah" both give "hzblh". */
export function skeleton(word: string): string {
  return word
    .replace(/[aeiouy]/g, '')
    .replace(/(.)\1+/g, '$1');
}

function similarity(a: string, b: string): { score: number; reason: string } | null {
  const wa = nameWords(a);
  const wb = nameWords(b);
  if (wa.length === 0 || wb.length === 0) return null;
  const ja = wa.join(' ');
  const jb = wb.join(' ');
  if (ja === jb) return { score: 1, reason: `“${a}” and “${b}” are the same name` };
  const sa = wa.map(skeleton).join(' ');
  const sb = wb.map(skeleton).join(' ');
  if (sa === sb && sa.replace(/ /g, '').length >= 3) return { score: 0.9, reason: `“${a}” and “${b}” look like two spellings of one name` };
  const setA = new Set(wa.map(skeleton));
  const setB = new Set(wb.map(skeleton));
  const common = [...setA].filter((w) => setB.has(w)).length;
  const jaccard = common / new Set([...setA, ...setB]).size;
  if (jaccard >= 0.66) return { score: 0.5 + jaccard / 4, reason: `“${a}” and “${b}” share most of their words` };
  return null;
}

export function suggestDuplicates(sources: Array<{ id: string; name: string; aliases: string }>, limit: number): DuplicateSuggestion[] {
  const candidates: Candidate[] = sources.map((s) => ({ id: s.id, name: s.name, names: [s.name, ...(JSON.parse(s.aliases) as string[])] }));
  // Only pairs that share a word skeleton can score, so compare within those buckets, not all pairs.
  const buckets = new Map<string, number[]>();
  candidates.forEach((c, i) => {
    const keys = new Set(c.names.flatMap((n) => nameWords(n).map(skeleton)).filter((k) => k.length >= 2));
    for (const k of keys) buckets.set(k, [...(buckets.get(k) ?? []), i]);
  });
  const pairs = new Set<string>();
  for (const members of buckets.values()) {
    if (members.length > 500) continue; // a word everyone shares ("army") says nothing on its own
    for (let x = 0; x < members.length; x++) for (let y = x + 1; y < members.length; y++) pairs.add(`${members[x]}:${members[y]}`);
  }
  const out: DuplicateSuggestion[] = [];
  for (const pair of pairs) {
    const [i, j] = pair.split(':').map(Number) as [number, number];
    const a = candidates[i]!;
    const b = candidates[j]!;
    let best: { score: number; reason: string } | null = null;
    for (const na of a.names) {
      for (const nb of b.names) {
        const s = similarity(na, nb);
        if (!s) continue;
        const scored = na === a.name && nb === b.name ? s : { score: s.score * 0.95, reason: `${s.reason} (alias)` };
        if (!best || scored.score > best.score) best = scored;
      }
    }
    if (best) out.push({ a: a.id, b: b.id, aName: a.name, bName: b.name, score: Math.round(best.score * 100) / 100, reason: best.reason });
  }
  return out.sort((x, y) => y.score - x.score || x.aName.localeCompare(y.aName)).slice(0, limit);
}
