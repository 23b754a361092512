import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../../main/core/core.ts';
import { loadGold, readGold } from '../../../main/core/annotations/gold-loader.ts';
import type { ReviewQuery } from '../../../shared/review-schemas.ts';
import { ReviewRepository } from '../../../main/core/review/review-repository.ts';
import { TEXT_COLUMNS, checkTextIndex, textTable } from '../../../main/core/review/text-index.ts';
import { CORPUS, REPORTS, caller, tempDir } from '../core/helpers.ts';

const GOLD = path.join(CORPUS, 'gold');
const q = (over: Partial<ReviewQuery> = {}): ReviewQuery => ({ filters: {}, quick: [], sort: [], ...over });

async function goldProject() {
  const core = createCore({ dbPath: path.join(tempDir(), 'gold.claimdesk'), analystName: 'Reference analyst' });
  await core.importPaths(REPORTS);
  loadGold(core.annotation, GOLD, CORPUS);
  return { core, call: caller(core) };
}

describe('attribution review grid', () => {
  it('has one row per attribution, and a claim with two sources shows twice with its count', async () => {
    const { core, call } = await goldProject();
    const { documents } = readGold(GOLD);
    const attributions = documents.reduce((n, d) => n + d.claims.reduce((m, c) => m + c.attributions.length, 0), 0);
    const page = await call('review:rows', { query: q(), offset: 0, limit: 1000 });
    expect(page.total).toBe(attributions);
    expect(page.rows).toHaveLength(attributions);
    // 001: "Iran and Hezbollah say the allegations are part of Western plots" has two sources.
    const twice = page.rows.filter((r) => r.claimText.startsWith('the allegations are part of Western plots'));
    expect(twice).toHaveLength(2);
    expect(new Set(twice.map((r) => r.source)).size).toBe(2);
    expect(twice.every((r) => r.independentSources === 2)).toBe(true);
    // Report 000 has no title: its rows carry the opening of its text, as the Library names it; the
    // rows of titled reports carry none. The same holds on a sorted page and a page further on.
    const untitledRows = page.rows.filter((r) => r.document === null);
    expect(untitledRows.length).toBeGreaterThan(0);
    expect(untitledRows.every((r) => r.lead?.startsWith('Jordan said on Monday that pro-Iranian Syrian army units'))).toBe(true);
    expect(page.rows.filter((r) => r.document !== null).every((r) => r.lead === null)).toBe(true);
    const sorted = await call('review:rows', { query: q({ sort: [{ column: 'document', dir: 'asc' }] }), offset: 0, limit: 5 });
    expect(sorted.rows.every((r) => r.document === null && r.lead?.startsWith('Jordan said on Monday'))).toBe(true);
    const hiari = page.rows.find((r) => r.claimText.startsWith('We are facing a war along the borders'))!;
    expect(hiari).toMatchObject({ source: 'Mustafa Hiari', cue: 'told', channel: 'state-owned Al Mamlaka TV', credibility: 3, rating: '?3', anonymous: false });
    core.close();
  });

  it('answers "which claims rest on one anonymous source, and which were denied by whom"', async () => {
    const { core, call } = await goldProject();
    const single = await call('review:rows', { query: q({ quick: ['singleSource', 'anonymousOnly'] }), offset: 0, limit: 500 });
    expect(single.total).toBeGreaterThan(0);
    expect(single.rows.every((r) => r.anonymous && r.independentSources === 1)).toBe(true);
    const denied = await call('review:rows', { query: q({ quick: ['denied'] }), offset: 0, limit: 500 });
    expect(denied.rows.length).toBeGreaterThan(0);
    expect(denied.rows.every((r) => r.status === 'denied' && r.statusReason!.startsWith('Denied by'))).toBe(true);
    const disputes = await call('disputes:list', {});
    const aim = disputes.find((d) => d.claim.text.startsWith('their reinforcements aim to support'))!;
    expect(aim.claim.status).toBe('denied');
    const gold003 = readGold(GOLD).documents.find((d) => d.document.startsWith('003'))!;
    const expected = gold003.links.filter((l) => l.to === 'c6').map((l) => l.relation).sort();
    expect(aim.against.map((a) => a.relation).sort()).toEqual(expected);
    expect(aim.against.some((a) => a.text.includes('refute these claims'))).toBe(true);
    // Report 000 has no title line: its statements are named by their opening; titled ones are not.
    const statements = disputes.flatMap((d) => [d.claim, ...d.against]);
    const untitled = statements.filter((st) => st.document === null);
    expect(untitled.length).toBeGreaterThan(0);
    expect(untitled.every((st) => st.lead?.startsWith('Jordan said on Monday that pro-Iranian Syrian army units'))).toBe(true);
    expect(statements.filter((st) => st.document !== null).every((st) => st.lead === null)).toBe(true);
    core.close();
  });

  it('sorts and filters in SQL, and odd filter values only filter', async () => {
    const { core, call } = await goldProject();
    const bySource = await call('review:rows', { query: q({ sort: [{ column: 'source', dir: 'asc' }] }), offset: 0, limit: 1000 });
    const names = bySource.rows.map((r) => r.source.toLowerCase());
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    const desc = await call('review:rows', { query: q({ sort: [{ column: 'credibility', dir: 'desc' }] }), offset: 0, limit: 5 });
    expect(desc.rows[0]!.credibility).toBe(6);
    const paged = await call('review:rows', { query: q({ sort: [{ column: 'source', dir: 'asc' }] }), offset: 10, limit: 10 });
    expect(paged.rows.map((r) => r.attributionId)).toEqual(bySource.rows.slice(10, 20).map((r) => r.attributionId));
    for (const value of ['', "'; DROP TABLE review_rows; --", '%', '_', '\\', '"', 'x'.repeat(1000), 'الكبتاغون', '<script>']) {
      const r = await call('review:rows', { query: q({ filters: { claimText: { type: 'text', op: 'contains', value } } }), offset: 0, limit: 5 });
      if (value === '') expect(r.total).toBe(bySource.total);
      else for (const row of r.rows) expect(row.claimText.toLowerCase()).toContain(value.toLowerCase());
      if (['%', '_', '\\', '<script>', "'; DROP TABLE review_rows; --"].includes(value)) expect(r.total, value).toBe(0);
    }
    expect((await call('review:rows', { query: q(), offset: 0, limit: 1 })).total).toBe(bySource.total);
    const captagon = await call('review:rows', { query: q({ filters: { claimText: { type: 'text', op: 'contains', value: 'CAPTAGON' } } }), offset: 0, limit: 100 });
    expect(captagon.total).toBeGreaterThan(0);
    expect(captagon.rows.every((r) => /captagon/i.test(r.claimText))).toBe(true);
    const kinds = await call('review:rows', { query: q({ filters: { kind: { type: 'set', values: ['denial', 'dispute'] } } }), offset: 0, limit: 100 });
    expect(new Set(kinds.rows.map((r) => r.kind))).toEqual(new Set(['denial', 'dispute']));
    const dated = await call('review:rows', { query: q({ filters: { published: { type: 'date', op: 'equals', value: '2023' } } }), offset: 0, limit: 100 });
    expect(dated.rows.every((r) => r.published === '2023-12-19')).toBe(true);
    expect(dated.total).toBeGreaterThan(0);
    const credible = await call('review:rows', { query: q({ filters: { credibility: { type: 'number', op: 'lessThanOrEqual', value: 2 } } }), offset: 0, limit: 500 });
    expect(credible.rows.every((r) => r.credibility !== null && r.credibility <= 2)).toBe(true);
    const bad = await core.dispatch('review:rows', { query: { filters: { nope: { type: 'text', op: 'contains', value: 'x' } } }, offset: 0, limit: 5 });
    expect(bad.ok).toBe(false);
    core.close();
  });

  it('uses indexes for the hot queries', async () => {
    const { core } = await goldProject();
    const repo = new ReviewRepository(core.db);
    const hot: ReviewQuery[] = [
      q(),
      q({ sort: [{ column: 'source', dir: 'asc' }] }),
      q({ sort: [{ column: 'published', dir: 'desc' }] }),
      q({ quick: ['denied'] }),
      q({ filters: { status: { type: 'set', values: ['denied'] } }, sort: [{ column: 'status', dir: 'asc' }] }),
      q({ sort: [{ column: 'credibility', dir: 'asc' }] }),
    ];
    for (const query of hot) {
      const plan = repo.plan(query).join(' | ');
      expect(plan, JSON.stringify(query)).not.toMatch(/TEMP B-TREE/);
      expect(plan, JSON.stringify(query)).toMatch(/USING (INDEX|INTEGER PRIMARY KEY)|SCAN review_rows$/);
    }
    core.close();
  });

  it('keeps rows in step with edits and undo, through the triggers', async () => {
    const { core, call } = await goldProject();
    const hiari = (await call('sources:list', { query: 'Hiari' }))[0]!;
    await call('sources:grade', { id: hiari.id, grade: 'B', reason: 'Army spokesperson, on the record' });
    const rows = async () => (await call('review:rows', { query: q({ filters: { source: { type: 'text', op: 'equals', value: 'Mustafa Hiari' } } }), offset: 0, limit: 50 })).rows;
    const graded = await rows();
    expect(graded.length).toBeGreaterThan(0);
    for (const r of graded) expect(r.rating).toBe(`B${r.credibility}`);
    expect((await rows()).every((r) => r.reliability === 'B')).toBe(true);
    await call('history:undo', {});
    expect((await rows()).every((r) => r.reliability === null)).toBe(true);
    const first = (await rows())[0]!;
    await call('spans:delete', { id: first.claimId });
    expect((await rows()).some((r) => r.claimId === first.claimId)).toBe(false);
    await call('history:undo', {});
    expect((await rows()).some((r) => r.claimId === first.claimId)).toBe(true);
    core.close();
  });

  it('refreshes rows in place: a grade rewrites no trigram table, a renamed source only its own, and the rows stay the view', async () => {
    const { core, call } = await goldProject();
    const db = core.db;
    const asView = () => expect(db.prepare(`SELECT * FROM review_rows ORDER BY seq`).all()).toEqual(db.prepare(`SELECT * FROM review_view ORDER BY seq`).all());
    // Every write to a trigram table adds rows to its `_data` shadow table (a segment, a tombstone).
    const segments = () => Object.fromEntries(TEXT_COLUMNS.map((c) => [c, db.prepare(`SELECT count(*) || ':' || max(rowid) FROM ${textTable(c)}_data`).pluck().get()]));
    const hiari = (await call('sources:list', { query: 'Hiari' }))[0]!;
    const before = segments();
    await call('sources:grade', { id: hiari.id, grade: 'B', reason: 'Army spokesperson, on the record' });
    expect(segments()).toEqual(before);
    asView();
    await call('sources:update', { id: hiari.id, revision: (await call('sources:get', { id: hiari.id })).revision, patch: { name: 'Col. Mustafa al-Hiari' } });
    const renamed = segments();
    expect(renamed.source_name).not.toBe(before.source_name);
    for (const c of TEXT_COLUMNS.filter((x) => x !== 'source_name')) expect(renamed[c], c).toBe(before[c]);
    asView();
    const found = await call('review:rows', { query: q({ filters: { source: { type: 'text', op: 'contains', value: 'al-Hiari' } } }), offset: 0, limit: 50 });
    expect(found.total).toBeGreaterThan(0);
    expect((await call('review:rows', { query: q({ filters: { source: { type: 'text', op: 'contains', value: 'Mustafa Hiari' } } }), offset: 0, limit: 50 })).total).toBe(0);
    await call('history:undo', {});
    await call('history:undo', {});
    asView();
    checkTextIndex(db);
    core.close();
  });

  it('exports the whole current view in order as CSV, safe for spreadsheets', async () => {
    const { core, call } = await goldProject();
    const query = q({ quick: ['denied'], sort: [{ column: 'source', dir: 'desc' }] });
    const out = await call('review:export', { query, columns: ['claimText', 'source', 'rating', 'status'] });
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(out.data!);
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('Claim,Source,Rating,Status');
    expect(lines).toHaveLength(out.rows + 1);
    const page = await call('review:rows', { query, offset: 0, limit: 1000 });
    expect(out.rows).toBe(page.total);
    expect(lines[1]).toContain(page.rows[0]!.source);
    const file = path.join(tempDir(), 'view.csv');
    const written = await call('review:export', { query, outPath: file });
    expect(written).toMatchObject({ path: file, rows: page.total, data: null });
    core.close();
  });

  it('saves named views per project', async () => {
    const { core, call } = await goldProject();
    await call('review:saveView', { name: 'Denied, by source', state: { quick: ['denied'], sort: [{ column: 'source', dir: 'asc' }] } });
    await call('review:saveView', { name: 'denied, BY source', state: { quick: ['denied'] } });
    const views = await call('review:views', {});
    expect(views).toHaveLength(1);
    expect(views[0]!.state).toEqual({ quick: ['denied'] });
    expect(await call('review:deleteView', { id: views[0]!.id })).toEqual({ deleted: true });
    expect(await call('review:views', {})).toEqual([]);
    core.close();
  });
});
