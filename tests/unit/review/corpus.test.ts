import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../../main/core/core.ts';
import { suggestDuplicates } from '../../../main/core/review/duplicates.ts';
import { figuresDiffer, normaliseFigure } from '../../../shared/figures.ts';
import { GoldDocument } from '../../../main/core/annotations/gold-format.ts';
import { CORPUS, REPORTS, caller, tempDir } from '../core/helpers.ts';

const golds = fs
  .readdirSync(path.join(CORPUS, 'gold'))
  .filter((f) => f.endsWith('.gold.json'))
  .map((f) => GoldDocument.parse(JSON.parse(fs.readFileSync(path.join(CORPUS, 'gold', f), 'utf8'))));

describe('figures', () => {
  it('normalises every figure of the reference annotation to its value and approximation', () => {
    let checked = 0;
    for (const g of golds) {
      for (const quantity of g.quantities.filter((x) => x.kind !== 'date')) {
        const claim = g.claims.find((c) => c.id === quantity.claim_id)!;
        const got = normaliseFigure(quantity.exact, claim.exact);
        expect(got.value, `${g.document} ${quantity.exact}`).toBe(quantity.value);
        expect(got.approx, `${g.document} ${quantity.exact}`).toBe(quantity.approx);
        if (quantity.period?.startsWith('per ')) expect(got.period, quantity.exact).toBe(quantity.period);
        if (quantity.unit === 'USD' || quantity.unit === 'km') expect(got.unit, quantity.exact).toBe(quantity.unit);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(30);
  });

  it('reads the issue\'s examples and Arabic figures', () => {
    expect(normaliseFigure('20 million captagon tablets')).toMatchObject({ value: 2e7, unit: 'tablets', approx: false });
    expect(normaliseFigure('$10 billion annually')).toEqual({ value: 1e10, unit: 'USD', period: 'per year', approx: false });
    expect(normaliseFigure('$1,500', 'between $200 and $1,500 per truck')).toEqual({ value: 1500, unit: 'USD', period: 'per truck', approx: false });
    expect(normaliseFigure('32 كغم')).toMatchObject({ value: 32, unit: 'kg' });
    expect(normaliseFigure('700 ألف حبة')).toMatchObject({ value: 700000, unit: 'tablets' });
    expect(normaliseFigure('(51) كيلوغرامًا')).toMatchObject({ value: 51, unit: 'kg' });
    expect(normaliseFigure('٣٢ كغم')).toMatchObject({ value: 32, unit: 'kg' });
  });

  it('flags figures that disagree beyond their precision', () => {
    const a = normaliseFigure('20 million tablets');
    expect(figuresDiffer(a, normaliseFigure('14 million tablets'))).toBe(true);
    expect(figuresDiffer(a, normaliseFigure('nearly 21 million tablets'))).toBe(false);
    expect(figuresDiffer(a, normaliseFigure('$20 million'))).toBe(false);
  });

  it('lists figures with their claims and flags linked claims whose figures differ', async () => {
    const core = createCore({ dbPath: path.join(tempDir(), 'p.claimdesk') });
    const call = caller(core);
    const data = (s: string) => new TextEncoder().encode(s);
    const r = await call('documents:import', {
      jobId: 'j',
      files: [
        { name: 'a.txt', data: data('Officials said 20 million tablets were seized this year.') },
        { name: 'b.txt', data: data('A ministry statement said 14 million tablets were seized this year.') },
      ],
    });
    const [a, b] = r.files.map((f) => (f.status === 'imported' ? f.documentId : ''));
    const mark = async (documentId: string, text: string, exact: string, kind: 'claim' | 'quantity') => {
      const start = text.indexOf(exact);
      return call('spans:create', { documentId, kind, start, end: start + exact.length, exact });
    };
    const ca = await mark(a!, 'Officials said 20 million tablets were seized this year.', '20 million tablets were seized this year', 'claim');
    const cb = await mark(b!, 'A ministry statement said 14 million tablets were seized this year.', '14 million tablets were seized this year', 'claim');
    await mark(a!, 'Officials said 20 million tablets were seized this year.', '20 million tablets', 'quantity');
    await mark(b!, 'A ministry statement said 14 million tablets were seized this year.', '14 million tablets', 'quantity');
    expect((await call('figures:list', {})).conflicts).toEqual([]);
    await call('claims:link', { fromId: cb.id, toId: ca.id, relation: 'corroborates' });
    const { figures, conflicts } = await call('figures:list', {});
    expect(figures.map((f) => [f.exact, f.value, f.claimId])).toEqual([
      ['20 million tablets', 2e7, ca.id],
      ['14 million tablets', 1.4e7, cb.id],
    ]);
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]!.reason).toContain('20 million tablets');
    // Untitled documents are named by their opening, as in the Library.
    expect(figures.map((f) => [f.document, f.lead])).toEqual([
      [null, 'Officials said 20 million tablets were seized this year.'],
      [null, 'A ministry statement said 14 million tablets were seized this year.'],
    ]);
    core.close();
  });
});

describe('sources across the corpus', () => {
  it('suggests Hezbollah / Hizbullah and the Jordanian army / Jordan\'s army, not Kataib Hizbullah', () => {
    const s = (id: string, name: string, aliases: string[] = []) => ({ id: `00000000-0000-7000-8000-00000000000${id}`, name, aliases: JSON.stringify(aliases) });
    const pairs = suggestDuplicates(
      [s('1', 'Hezbollah'), s('2', 'Hizbullah'), s('3', 'the Jordanian army'), s('4', "Jordan's army"), s('5', 'Kataib Hizbullah'), s('6', 'Reuters')],
      10,
    ).map((p) => [p.aName, p.bName].sort().join(' / '));
    expect(pairs).toContain('Hezbollah / Hizbullah');
    expect(pairs).toContain("Jordan's army / the Jordanian army");
    expect(pairs.some((p) => p.includes('Kataib'))).toBe(false);
    expect(pairs.some((p) => p.includes('Reuters'))).toBe(false);
  });

  it('gives each source its claims, documents and first and last seen; merge and undo from the overview', async () => {
    const core = createCore({ dbPath: path.join(tempDir(), 'p.claimdesk') });
    const call = caller(core);
    await core.importPaths(REPORTS);
    const { loadGold } = await import('../../../main/core/annotations/gold-loader.ts');
    loadGold(core.annotation, path.join(CORPUS, 'gold'), CORPUS);
    const overview = await call('sources:overview', {});
    const reuters = overview.find((s) => s.name === 'Reuters')!;
    const claims = await call('sources:claims', { id: reuters.id });
    expect(claims.length).toBeGreaterThan(0);
    expect(claims.every((c) => c.sourceId === reuters.id)).toBe(true);
    expect(reuters.claims).toBe(new Set(claims.map((c) => c.claimId)).size);
    expect(reuters.documents).toBe(new Set(claims.map((c) => c.documentId)).size);
    expect(reuters.firstSeen).toBe('2023-12-19');
    expect(claims.every((c) => c.lead === null && c.language === 'en')).toBe(true);
    // An untitled report is named by its opening, as in the Library; a titled one by its title only.
    const jordan = overview.find((s) => s.name === 'Government of Jordan')!;
    const ofJordan = await call('sources:claims', { id: jordan.id });
    const untitled = ofJordan.filter((c) => c.document === null);
    expect(untitled.length).toBeGreaterThan(0);
    expect(untitled.every((c) => c.lead?.startsWith('Jordan said on Monday that pro-Iranian Syrian army units'))).toBe(true);
    expect(ofJordan.filter((c) => c.document !== null).every((c) => c.lead === null)).toBe(true);
    const hizb = await call('sources:create', { name: 'Hizbullah', type: 'organisation' });
    const suggestions = await call('sources:duplicates', {});
    const pair = suggestions.find((p) => [p.aName, p.bName].includes('Hizbullah'))!;
    expect(pair).toBeDefined();
    const keep = pair.a === hizb.id ? pair.b : pair.a;
    await call('sources:merge', { keepId: keep, mergeId: hizb.id });
    expect((await call('sources:overview', { query: 'Hizbullah' })).map((s) => s.id)).toEqual([keep]);
    await call('history:undo', {});
    expect((await call('sources:overview', { query: 'Hizbullah' })).map((s) => s.id)).toContain(hizb.id);
    core.close();
  });
});

describe('circular reporting', () => {
  it('does not count a corroboration that traces back to the same original source, and says why', async () => {
    const core = createCore({ dbPath: path.join(tempDir(), 'p.claimdesk') });
    const call = caller(core);
    const text = (s: string) => new TextEncoder().encode(s);
    const r = await call('documents:import', {
      jobId: 'j',
      files: [
        { name: 'outlet-a.txt', data: text('Jordan said smuggling attempts rose sharply, Reuters reported.') },
        { name: 'outlet-b.txt', data: text('According to Reuters, Jordan says smuggling attempts rose sharply.') },
      ],
    });
    const [a, b] = r.files.map((f) => (f.status === 'imported' ? f.documentId : ''));
    const claimA = await call('spans:create', { documentId: a!, kind: 'claim', start: 12, end: 42, exact: 'smuggling attempts rose sharply' .slice(0, 30) });
    const bText = 'According to Reuters, Jordan says smuggling attempts rose sharply.';
    const claimB = await call('spans:create', { documentId: b!, kind: 'claim', start: bText.indexOf('smuggling'), end: bText.indexOf('smuggling') + 30, exact: 'smuggling attempts rose sharpl' });
    const jordan = await call('sources:create', { name: 'Government of Jordan', type: 'organisation' });
    const reuters = await call('sources:create', { name: 'Reuters', type: 'outlet' });
    const outletB = await call('sources:create', { name: 'Outlet B', type: 'outlet' });
    await call('attributions:create', { claimId: claimA.id, sourceId: jordan.id, via: [reuters.id] });
    const relayed = await call('attributions:create', { claimId: claimB.id, sourceId: outletB.id, via: [reuters.id] });
    await call('claims:link', { fromId: claimB.id, toId: claimA.id, relation: 'corroborates' });
    const row = async () => (await call('review:rows', { query: { filters: {}, quick: [], sort: [] }, offset: 0, limit: 10 })).rows.find((x) => x.claimId === claimA.id)!;
    expect((await row()).status).toBe('uncontested');
    expect((await row()).statusReason).toBe('Not independently corroborated: both trace back to Reuters');
    await call('attributions:update', { id: relayed.id, revision: relayed.revision, patch: { via: [] } });
    expect((await row()).status).toBe('corroborated');
    core.close();
  });
});
