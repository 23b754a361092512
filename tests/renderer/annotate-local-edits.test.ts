/**
 * A write applied in place must leave the screen exactly as a reload would: after each edit, the
 * panel built incrementally is compared with the panel built from scratch from the same data.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { DocumentAnnotations, Span } from '../../shared/annotation-schemas.ts';
import { makeSelector } from '../../shared/anchoring/index.ts';
import { applyWrite, type AnnotationState } from '../../renderer/src/annotate/local-edits.ts';
import { buildPanel, type PanelModel } from '../../renderer/src/annotate/model.ts';
import { fixtureText } from './fakes/corpus.ts';

const TEXT = fixtureText('000_f0441c74b4d07c9b.txt').normalize('NFC').replace(/\r\n?/g, '\n');
const DOC = randomUUID();

function span(kind: Span['kind'], exact: string, extra: Partial<Span> = {}): Span {
  const start = TEXT.indexOf(exact);
  if (start < 0) throw new Error(`“${exact}” is not in the text`);
  const sel = makeSelector(TEXT, start, start + exact.length);
  expect(TEXT.slice(sel.start, sel.end)).toBe(exact);
  return { id: randomUUID(), revision: 1, documentId: DOC, kind, ...sel, orphaned: false, sourceId: null, note: null, data: null, tagIds: [], ...extra };
}

/** What a reader of the panel sees: rows in order, their heights, headers and counts. */
const shape = (m: PanelModel) => ({
  rows: m.items.map((it) => (it.type === 'header' ? `${it.id}:${it.count}` : `${it.type}:${it.span.exact}:${it.span.tagIds.join(',')}:${it.type === 'claim' ? it.attributions.map((a) => `${a.source?.name}/${a.cue?.exact}/${a.channel}`).join(';') : it.usedBy}`)),
  tops: m.tops,
  height: m.height,
  index: [...m.indexOf.entries()].sort(),
  claims: [...m.claims.keys()].sort(),
});

function start(): AnnotationState {
  const told = span('cue', 'told');
  const claim = span('claim', 'We are facing a war along the borders');
  const hiari = { id: randomUUID(), revision: 1, name: 'Mustafa Hiari', type: 'named official' as const, affiliation: null, aliases: [], reliability: 'B' as const, scopeDocumentId: null };
  const data: DocumentAnnotations = {
    documentId: DOC,
    spans: [claim, told, span('entity', 'Jordan'), span('source', 'Colonel Mustafa Hiari', { sourceId: hiari.id })],
    claims: [{
      id: claim.id, revision: 1, documentId: DOC, kind: 'claim', status: 'uncontested', derivedStatus: 'uncontested', overrideReason: null,
      attributions: [{ id: randomUUID(), revision: 1, claimId: claim.id, sourceId: hiari.id, cueSpanId: told.id, channel: null, channelSpanId: null, speech: 'direct', anonymous: false, anonymityReason: null, via: [], credibility: 2, rationale: null, rating: 'B2' }],
    }],
    sources: [hiari],
    links: [],
    tags: [{ id: randomUUID(), revision: 1, name: 'Routes', parentId: null, color: '#1f77b4' }],
    documentTagIds: [],
  };
  return { data, model: buildPanel(data) };
}

describe('Writes applied in place', () => {
  it('adds, retags, rekinds and removes spans exactly as a rebuild would, keeping untouched rows as they were', () => {
    let state = start();
    const untouched = state.model.items.find((it) => it.type === 'span' && it.span.kind === 'entity')!;
    const note = span('note', 'stepping up');
    const added = applyWrite(state, { channel: 'spans:create', input: { documentId: DOC, kind: 'note', start: note.start, end: note.end, exact: note.exact }, output: note })!;
    expect(added.reload).toBe(false);
    expect(added.paint).toEqual({ add: [note], remove: [] });
    expect(shape(added.state.model)).toEqual(shape(buildPanel(added.state.data)));
    expect(added.state.model.items).toContain(untouched);
    state = added.state;

    const claim2 = span('denial', 'smuggle');
    state = applyWrite(state, { channel: 'spans:create', input: { documentId: DOC, kind: 'denial', start: claim2.start, end: claim2.end, exact: claim2.exact }, output: claim2 })!.state;
    expect(shape(state.model)).toEqual(shape(buildPanel(state.data)));
    expect(state.model.claims.get(claim2.id)?.claim?.kind).toBe('denial');

    const tagId = state.data.tags[0]!.id;
    state = applyWrite(state, { channel: 'tags:apply', input: { tagId, spanId: note.id }, output: { applied: true } })!.state;
    expect(state.model.spans.get(note.id)!.tagIds).toEqual([tagId]);
    expect(shape(state.model)).toEqual(shape(buildPanel(state.data)));

    const rekinded = { ...claim2, kind: 'dispute' as const, revision: 2 };
    const r = applyWrite(state, { channel: 'spans:update', input: { id: claim2.id, revision: 1, patch: { kind: 'dispute' } }, output: rekinded })!;
    expect(r.paint.add).toEqual([rekinded]);
    state = r.state;
    expect(shape(state.model)).toEqual(shape(buildPanel(state.data)));

    const removed = applyWrite(state, { channel: 'spans:delete', input: { id: note.id }, output: { spans: 1, attributions: 0, links: 0 } })!;
    expect(removed.reload).toBe(false);
    expect(removed.paint).toEqual({ add: [], remove: [note.id] });
    expect(shape(removed.state.model)).toEqual(shape(buildPanel(removed.state.data)));
    expect(removed.state.model.indexOf.has(`group:notes`)).toBe(false);
  });

  it('edits an attribution in place (cue counts follow), and asks for a reload when the core derives more', () => {
    let state = start();
    const claim = state.data.claims[0]!;
    const a = claim.attributions[0]!;
    const channel = span('channel', 'Al Mamlaka TV');
    state = applyWrite(state, { channel: 'spans:create', input: { documentId: DOC, kind: 'channel', start: channel.start, end: channel.end, exact: channel.exact }, output: channel })!.state;
    const edited = { ...a, revision: 2, cueSpanId: null, channel: channel.exact, channelSpanId: channel.id, speech: 'indirect' as const };
    const r = applyWrite(state, { channel: 'attributions:update', input: { id: a.id, revision: 1, patch: { cueSpanId: null, channelSpanId: channel.id } }, output: edited })!;
    expect(r.reload).toBe(false);
    expect(shape(r.state.model)).toEqual(shape(buildPanel(r.state.data)));
    const rows = r.state.model.items;
    expect(rows.find((it) => it.id === channel.id)).toMatchObject({ usedBy: 1 });
    expect(rows.find((it) => it.type === 'span' && it.span.kind === 'cue')).toMatchObject({ usedBy: 0 });

    // A relay the screen does not know: only a reload can tell its name.
    expect(applyWrite(r.state, { channel: 'attributions:update', input: { id: a.id, revision: 2, patch: { via: [randomUUID()] } }, output: { ...edited, via: [randomUUID()] } })).toBeNull();
    // Deleting a cue that an attribution uses changes that attribution in the core: drawn at once, then reloaded.
    const cue = state.data.spans.find((s) => s.kind === 'cue')!;
    const gone = applyWrite(state, { channel: 'spans:delete', input: { id: cue.id }, output: { spans: 1, attributions: 0, links: 0 } })!;
    expect(gone).toMatchObject({ reload: true, paint: { remove: [cue.id] } });
  });
});
