import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../main/core/core.ts';
import { REPORTS, caller, tempDir } from '../core/helpers.ts';

/** A project with report 000 imported; returns helpers to mark text by quote. */
async function setup() {
  const core = createCore({ dbPath: path.join(tempDir(), 'p.claimdesk'), analystName: 'Rana' });
  const call = caller(core);
  const r = await core.importPaths([REPORTS[0]!, REPORTS[1]!]);
  const ids = r.files.map((f) => (f.status === 'imported' ? f.documentId : ''));
  const texts = await Promise.all(ids.map(async (id) => (await call('documents:get', { id })).text));
  const mark = async (doc: 0 | 1, kind: 'claim' | 'denial' | 'dispute' | 'source' | 'cue' | 'channel' | 'note' | 'excluded', exact: string) => {
    const start = texts[doc]!.indexOf(exact);
    if (start < 0) throw new Error(`not in text: ${exact}`);
    return call('spans:create', { documentId: ids[doc]!, kind, start, end: start + exact.length, exact });
  };
  const fail = async (channel: string, input: unknown) => {
    const r = await core.dispatch(channel, input);
    if (r.ok) throw new Error(`${channel} should have failed`);
    return r.error;
  };
  return { core, call, ids, texts, mark, fail };
}

const C1 = 'pro-Iranian Syrian army units and militias loyal to Tehran are stepping up their attempts to smuggle';
const DENIAL = "Syrian President Bashar Al-Assad's regime denies involvement in drug making and smuggling";

describe('spans', () => {
  it('refuses zero-length spans, spans outside the text and quotes that do not match', async () => {
    const { core, ids, texts, fail } = await setup();
    const base = { documentId: ids[0]!, kind: 'claim' };
    expect((await fail('spans:create', { ...base, start: 5, end: 5, exact: '' })).code).toBe('EMPTY_SPAN');
    expect((await fail('spans:create', { ...base, start: texts[0]!.length - 2, end: texts[0]!.length + 5, exact: 'xx' })).code).toBe('OUT_OF_RANGE');
    const mismatch = await fail('spans:create', { ...base, start: 0, end: 6, exact: 'Israel' });
    expect(mismatch.code).toBe('EXACT_MISMATCH');
    expect(mismatch.message).toContain('Jordan');
    expect(core.db.prepare('SELECT count(*) FROM spans').pluck().get()).toBe(0);
    core.close();
  });

  it('keeps HTML in annotation fields as text, verbatim', async () => {
    const { core, call, ids, texts } = await setup();
    const note = '<img src=x onerror=alert(1)><script>alert(2)</script>';
    const span = await call('spans:create', { documentId: ids[0]!, kind: 'note', start: 0, end: 6, exact: texts[0]!.slice(0, 6), note });
    expect((await call('annotations:get', { documentId: ids[0]! })).spans.find((s) => s.id === span.id)!.note).toBe(note);
    core.close();
  });

  it('deleting a claim takes its attributions and links with it; undo restores them all', async () => {
    const { core, call, mark } = await setup();
    const claim = await mark(0, 'claim', C1);
    const denial = await mark(0, 'denial', DENIAL);
    const source = await call('sources:create', { name: 'Government of Jordan', type: 'organisation' });
    await call('attributions:create', { claimId: claim.id, sourceId: source.id, credibility: 2 });
    await call('claims:link', { fromId: denial.id, toId: claim.id, relation: 'denies' });
    const status = async () => (await call('annotations:get', { documentId: claim.documentId })).claims.find((c) => c.id === claim.id)?.status;
    expect(await status()).toBe('denied');
    expect(await call('spans:delete', { id: denial.id })).toEqual({ spans: 1, attributions: 0, links: 1 });
    expect(await status()).toBe('uncontested');
    expect(await call('spans:delete', { id: claim.id })).toEqual({ spans: 1, attributions: 1, links: 0 });
    expect((await call('annotations:get', { documentId: claim.documentId })).claims).toEqual([]);
    await call('history:undo', {});
    await call('history:undo', {});
    const restored = await call('annotations:get', { documentId: claim.documentId });
    expect(restored.claims.map((c) => c.id).sort()).toEqual([claim.id, denial.id].sort());
    expect(restored.links).toHaveLength(1);
    expect(restored.claims.find((c) => c.id === claim.id)!.attributions).toHaveLength(1);
    expect(await status()).toBe('denied');
    core.close();
  });

  it('tells the later of two editors that the annotation changed, and keeps the first edit', async () => {
    const { core, call, mark, fail } = await setup();
    const span = await mark(0, 'claim', C1);
    await call('spans:update', { id: span.id, revision: span.revision, patch: { note: 'first window' } });
    const error = await fail('spans:update', { id: span.id, revision: span.revision, patch: { note: 'second window' } });
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toMatch(/changed elsewhere/);
    expect((await call('annotations:get', { documentId: span.documentId })).spans[0]!.note).toBe('first window');
    core.close();
  });
});

describe('sources, attributions and ratings', () => {
  it('shows the Admiralty rating from source reliability and information credibility', async () => {
    const { core, call, mark } = await setup();
    const claim = await mark(0, 'claim', 'We are facing a war along the borders');
    const cue = await mark(0, 'cue', 'told');
    const channel = await mark(0, 'channel', 'state-owned Al Mamlaka TV');
    const hiari = await call('sources:create', { name: 'Mustafa Hiari', type: 'named official', affiliation: 'Jordanian Armed Forces', aliases: ['Colonel Mustafa Hiari'] });
    await call('sources:grade', { id: hiari.id, grade: 'B', reason: 'Official army spokesperson' });
    const a = await call('attributions:create', {
      claimId: claim.id, sourceId: hiari.id, cueSpanId: cue.id, channel: 'state-owned Al Mamlaka TV', channelSpanId: channel.id,
      speech: 'direct', credibility: 2,
    });
    expect(a.rating).toBe('B2');
    const got = await call('sources:get', { id: hiari.id });
    expect(got.grades).toEqual([expect.objectContaining({ grade: 'B', reason: 'Official army spokesperson', analyst: 'Rana' })]);
    await call('history:undo', {});
    expect((await call('sources:get', { id: hiari.id })).reliability).toBe('B');
    await call('history:undo', {});
    expect((await call('sources:get', { id: hiari.id })).reliability).toBeNull();
    core.close();
  });

  it('refuses to delete a source in use unless its attributions are reassigned', async () => {
    const { core, call, mark, fail } = await setup();
    const claim = await mark(0, 'claim', C1);
    const jordan = await call('sources:create', { name: 'Jordan', type: 'organisation' });
    const gov = await call('sources:create', { name: 'Government of Jordan', type: 'organisation' });
    await call('attributions:create', { claimId: claim.id, sourceId: jordan.id });
    const error = await fail('sources:delete', { id: jordan.id });
    expect(error.code).toBe('SOURCE_IN_USE');
    expect(error.message).toContain('1 attribution');
    expect(await call('sources:delete', { id: jordan.id, reassignTo: gov.id })).toEqual({ deleted: true, reassigned: 1 });
    const ann = await call('annotations:get', { documentId: claim.documentId });
    expect(ann.claims[0]!.attributions[0]!.sourceId).toBe(gov.id);
    core.close();
  });

  it('merges two sources, keeping the merged name as an alias, and undo splits them again', async () => {
    const { core, call, mark } = await setup();
    const c1 = await mark(0, 'claim', C1);
    const c2 = await mark(1, 'claim', 'Hezbollah group and pro-Iranian militias');
    const hezbollah = await call('sources:create', { name: 'Hezbollah', type: 'organisation' });
    const hizbullah = await call('sources:create', { name: 'Hizbullah', type: 'organisation', aliases: ['Hizbullah in Lebanon'] });
    await call('attributions:create', { claimId: c1.id, sourceId: hezbollah.id });
    await call('attributions:create', { claimId: c2.id, sourceId: hizbullah.id, via: [hezbollah.id] });
    const merged = await call('sources:merge', { keepId: hezbollah.id, mergeId: hizbullah.id });
    expect(merged.aliases).toEqual(['Hizbullah', 'Hizbullah in Lebanon']);
    const after = await call('annotations:get', { documentId: c2.documentId });
    expect(after.claims[0]!.attributions[0]!.sourceId).toBe(hezbollah.id);
    expect((await call('sources:list', { query: 'hizb', limit: 10 })).map((s) => s.name)).toEqual(['Hezbollah']);
    await call('history:undo', {});
    const split = await call('annotations:get', { documentId: c2.documentId });
    expect(split.claims[0]!.attributions[0]!.sourceId).toBe(hizbullah.id);
    expect((await call('sources:list', { query: 'hizbullah', limit: 10 })).map((s) => s.name)).toEqual(['Hizbullah']);
    core.close();
  });

  it('counts corroboration only from an independent source', async () => {
    const { core, call, mark } = await setup();
    const target = await mark(0, 'claim', C1);
    const same = await mark(1, 'claim', 'Hezbollah group and pro-Iranian militias');
    const jordan = await call('sources:create', { name: 'Government of Jordan', type: 'organisation' });
    const un = await call('sources:create', { name: 'UN experts', type: 'analyst or expert' });
    await call('attributions:create', { claimId: target.id, sourceId: jordan.id });
    const a = await call('attributions:create', { claimId: same.id, sourceId: jordan.id });
    await call('claims:link', { fromId: same.id, toId: target.id, relation: 'corroborates' });
    const status = async () => (await call('annotations:get', { documentId: target.documentId })).claims.find((c) => c.id === target.id)!.status;
    expect(await status()).toBe('uncontested');
    await call('attributions:update', { id: a.id, revision: a.revision, patch: { sourceId: un.id } });
    expect(await status()).toBe('corroborated');
    core.close();
  });

  it('overrides a status only with a reason, and logs it', async () => {
    const { core, call, mark, fail } = await setup();
    const claim = await mark(0, 'claim', C1);
    expect((await fail('claims:override', { id: claim.id, status: 'disputed' })).message).toMatch(/reason/);
    const overridden = await call('claims:override', { id: claim.id, status: 'disputed', reason: 'Contradicted by a UN panel report' });
    expect(overridden).toMatchObject({ status: 'disputed', derivedStatus: 'uncontested', overrideReason: 'Contradicted by a UN panel report' });
    const history = await call('history:entity', { type: 'claim', id: claim.id });
    expect(history.at(-1)).toMatchObject({ analyst: 'Rana', after: { status_override: 'disputed', override_reason: 'Contradicted by a UN panel report' } });
    core.close();
  });
});

describe('tags', () => {
  it('renames, moves (never under itself) and merges tags, with undo', async () => {
    const { core, call, mark, fail } = await setup();
    const span = await mark(0, 'claim', C1);
    const drugs = await call('tags:create', { name: 'drugs', color: '#aa3300' });
    const captagon = await call('tags:create', { name: 'captagon', parentId: drugs.id });
    const narcotics = await call('tags:create', { name: 'narcotics' });
    await call('tags:apply', { tagId: narcotics.id, spanId: span.id });
    expect((await fail('tags:create', { name: 'Drugs' })).code).toBe('CONFLICT');
    expect((await fail('tags:update', { id: drugs.id, revision: drugs.revision, patch: { parentId: captagon.id } })).message).toMatch(/under itself/);
    const renamed = await call('tags:update', { id: drugs.id, revision: drugs.revision, patch: { name: 'drug trade' } });
    expect(renamed.name).toBe('drug trade');
    await call('tags:merge', { keepId: drugs.id, mergeId: narcotics.id });
    const ann = await call('annotations:get', { documentId: span.documentId });
    expect(ann.spans[0]!.tagIds).toEqual([drugs.id]);
    expect(ann.tags.map((t) => t.name).sort()).toEqual(['captagon', 'drug trade']);
    await call('history:undo', {});
    const back = await call('annotations:get', { documentId: span.documentId });
    expect(back.spans[0]!.tagIds).toEqual([narcotics.id]);
    core.close();
  });

  it('changes an annotation\'s tags at once, new ones made too, as one undo step; refuses before writing anything', async () => {
    const { core, call, mark, fail } = await setup();
    const span = await mark(0, 'claim', C1);
    const tagIds = async () => (await call('annotations:get', { documentId: span.documentId })).spans[0]!.tagIds.slice().sort();
    const names = async () => (await call('tags:list', {})).map((t) => t.name).sort();
    const drugs = await call('tags:create', { name: 'drugs' });
    const weapons = await call('tags:create', { name: 'weapons' });
    const iran = await call('tags:create', { name: 'Iran' });
    await call('tags:apply', { tagId: iran.id, spanId: span.id });
    const latest = async () => (await call('project:info', {})).canUndo;
    const before = await latest();

    // Refused, nothing written: a tag added and removed, an unknown tag, a new name already taken, one named twice.
    expect((await fail('tags:set', { spanId: span.id, add: [drugs.id], remove: [drugs.id] })).code).toBe('VALIDATION');
    expect((await fail('tags:set', { spanId: span.id, add: ['00000000-0000-4000-8000-000000000000'] })).code).toBe('NOT_FOUND');
    expect((await fail('tags:set', { spanId: span.id, add: [drugs.id], create: ['Weapons'] })).code).toBe('CONFLICT');
    expect((await fail('tags:set', { spanId: span.id, create: ['captagon', 'Captagon'] })).code).toBe('VALIDATION');
    expect(await tagIds()).toEqual([iran.id]);
    expect(await names()).toEqual(['Iran', 'drugs', 'weapons']);
    expect(await latest()).toBe(before);
    // Nothing to change: no step.
    expect(await call('tags:set', { spanId: span.id, add: [iran.id], remove: [weapons.id] })).toEqual({ applied: 0, removed: 0, created: [] });
    expect(await latest()).toBe(before);

    const out = await call('tags:set', { spanId: span.id, add: [drugs.id, weapons.id], remove: [iran.id], create: ['captagon'] });
    expect(out).toMatchObject({ applied: 3, removed: 1, created: [{ name: 'captagon' }] });
    expect(await tagIds()).toEqual([drugs.id, weapons.id, out.created[0]!.id].sort());
    expect(await latest()).toBe('Edit tags: +captagon +drugs +weapons −Iran');
    // One Undo takes all of it back, the new tag with it.
    await call('history:undo', {});
    expect(await tagIds()).toEqual([iran.id]);
    expect(await names()).toEqual(['Iran', 'drugs', 'weapons']);
    core.close();
  });
});

export type { Core };
