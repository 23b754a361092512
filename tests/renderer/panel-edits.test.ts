/**
 * The panel's rows edited in place (panel-edits.ts writes them in one pass) must be exactly the
 * rows a rebuild makes: checked over random edits of a document with every kind of span, where
 * groups appear and empty, several rows land between the same two old rows, and rows move
 * (seeded, so that a failure replays).
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SPAN_KINDS, type Claim, type DocumentAnnotations, type Span } from '../../shared/annotation-schemas.ts';
import { makeSelector } from '../../shared/anchoring/index.ts';
import { isClaimKind } from '../../renderer/src/annotate/kinds.ts';
import { buildPanel, RowIndex, type PanelItem, type PanelModel, type SelectableItem } from '../../renderer/src/annotate/model.ts';
import { editRows } from '../../renderer/src/annotate/panel-edits.ts';
import { seeded as random } from './fakes/random.ts';

const TEXT = Array.from({ length: 400 }, (_, i) => `word${i % 37}`).join(' ');
const DOC = randomUUID();

let made = 0;
function makeSpan(next: () => number, kinds: readonly Span['kind'][], id = `span-${made++}`): Span {
  // Few distinct starts, so that equal positions and nesting are common.
  const start = Math.floor(next() * 40) * 6;
  const end = Math.min(TEXT.length, start + 1 + Math.floor(next() * 30));
  const sel = makeSelector(TEXT, start, end);
  return { id, revision: 1, documentId: DOC, kind: kinds[Math.floor(next() * kinds.length)]!, ...sel, orphaned: next() < 0.1, sourceId: null, note: null, data: null, tagIds: [] };
}

const claimOf = (s: Span): Claim => ({
  id: s.id, revision: 1, documentId: DOC, kind: s.kind as Claim['kind'], status: 'uncontested', derivedStatus: 'uncontested', overrideReason: null, attributions: [],
});

function data(spans: Span[]): DocumentAnnotations {
  return { documentId: DOC, spans, claims: spans.filter((s) => isClaimKind(s.kind)).map(claimOf), sources: [], links: [], tags: [], documentTagIds: [] };
}

const shape = (m: PanelModel) => ({
  rows: m.items.map((it) => (it.type === 'header' ? `${it.id}:${it.count}` : `${it.type}:${it.id}`)),
  tops: [...m.tops],
  headers: m.headers,
  height: m.height,
  index: [...m.indexOf.entries()].sort(),
  claims: [...m.claims.keys()].sort(),
});

describe('Panel rows edited in place', () => {
  it('match a rebuild through 400 random edits of up to five rows each', () => {
    const next = random(20261122);
    // Start with few kinds, so that later edits open groups that had no rows.
    let spans = Array.from({ length: 30 }, () => makeSpan(next, ['claim', 'entity']));
    let model = buildPanel(data(spans));
    let groupsOpened = 0;
    let groupsEmptied = 0;
    for (let round = 0; round < 400; round++) {
      const before = new Set(model.items.filter((it) => it.type === 'header').map((it) => it.id));
      const remove: string[] = [];
      const upsert: Span[] = [];
      const edits = 1 + Math.floor(next() * 5);
      for (let e = 0; e < edits; e++) {
        const r = next();
        const live = spans.filter((s) => !remove.includes(s.id) && !upsert.some((u) => u.id === s.id));
        // Around thirty spans, so that the smaller groups empty and open again.
        if (r < (live.length > 30 ? 0.25 : 0.5) || live.length === 0) upsert.push(makeSpan(next, SPAN_KINDS));
        else if (r < 0.7) remove.push(live[Math.floor(next() * live.length)]!.id);
        else upsert.push(makeSpan(next, SPAN_KINDS, live[Math.floor(next() * live.length)]!.id)); // moved or re-kinded
      }
      const byId = new Map(spans.map((s) => [s.id, s]));
      for (const id of remove) byId.delete(id);
      for (const s of upsert) byId.set(s.id, s);
      spans = [...byId.values()];
      const rebuilt = buildPanel(data(spans));
      const rows = upsert.map((s) => rebuilt.items.find((it) => it.id === s.id) as SelectableItem);
      model = editRows(model, { remove, upsert: rows }, { spans: rebuilt.spans, sources: rebuilt.sources, tags: rebuilt.tags });
      expect(shape(model), `round ${round}`).toEqual(shape(rebuilt));
      const after = new Set(model.items.filter((it) => it.type === 'header').map((it) => it.id));
      groupsOpened += [...after].filter((h) => !before.has(h)).length;
      groupsEmptied += [...before].filter((h) => !after.has(h)).length;
    }
    // The cases the one-pass writer must get right did happen.
    expect(groupsOpened).toBeGreaterThan(3);
    expect(groupsEmptied).toBeGreaterThan(3);
  });

  it('leaves untouched rows as the same objects and writes an array of the exact length', () => {
    const next = random(7);
    const spans = Array.from({ length: 50 }, () => makeSpan(next, SPAN_KINDS));
    const model = buildPanel(data(spans));
    const added = makeSpan(next, ['note']);
    const rebuilt = buildPanel(data([...spans, added]));
    const edited = editRows(model, { upsert: [rebuilt.items.find((it) => it.id === added.id) as SelectableItem] }, model);
    expect(edited.items).toHaveLength(model.items.length + (model.indexOf.has('group:notes') ? 1 : 2));
    expect(Object.keys(edited.items)).toHaveLength(edited.items.length); // no holes
    for (const it of model.items) if (it.type !== 'header') expect(edited.items).toContain(it);
  });
});

describe('RowIndex', () => {
  it('finds rows and remembers what it found, misses included, so a repeated question scans no rows', () => {
    const next = random(11);
    const model = buildPanel(data(Array.from({ length: 200 }, () => makeSpan(next, ['claim', 'entity', 'note']))));
    let scans = 0;
    class Counted extends Array<PanelItem> {
      override findIndex(...args: Parameters<PanelItem[]['findIndex']>): number {
        scans++;
        return super.findIndex(...args);
      }
    }
    const items = Counted.from(model.items) as Counted;
    const index = new RowIndex(items);
    const some = items[57]!;
    expect(index.get(some.id)).toBe(57);
    expect(index.get('group:sources')).toBeUndefined();
    expect(index.has('group:notes')).toBe(true);
    const asked = scans;
    for (let i = 0; i < 5; i++) {
      expect(index.get(some.id)).toBe(57);
      expect(index.has('group:sources')).toBe(false);
    }
    expect(scans).toBe(asked);
    // Asked about many rows, it indexes them all once, and agrees with the rows.
    for (let i = 0; i < items.length; i++) expect(index.get(items[i]!.id)).toBe(i);
    expect(index.get('nothing')).toBeUndefined();
  });
});
