import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../../main/core/core.ts';
import { loadGold, readGold } from '../../../main/core/annotations/gold-loader.ts';
import { nthIndex } from '../../../main/core/annotations/gold-format.ts';
import { CORPUS, REPORTS, tempDir } from '../core/helpers.ts';

const GOLD = path.join(CORPUS, 'gold');

export async function goldProject() {
  const core = createCore({ dbPath: path.join(tempDir(), 'gold.claimdesk'), analystName: 'Reference analyst' });
  await core.importPaths(REPORTS);
  const report = loadGold(core.annotation, GOLD, CORPUS);
  return { core, report };
}

describe('the reference annotation', () => {
  it('loads completely as one undo unit', async () => {
    const { core, report } = await goldProject();
    const { documents, links } = readGold(GOLD);
    const claims = documents.reduce((n, d) => n + d.claims.length, 0);
    expect(claims).toBe(114);
    expect(report.claims).toBe(114);
    expect(report.documents).toBe(4);
    expect(report.links).toBe(documents.reduce((n, d) => n + d.links.length, 0) + links.links.length);
    expect(report.attributions).toBe(documents.reduce((n, d) => n + d.claims.reduce((m, c) => m + c.attributions.length, 0), 0));
    // Sources the reports share (links.json) are one record each.
    const shared = links.source_identities.reduce((n, s) => n + s.members.length - 1, 0);
    expect(report.sources).toBe(documents.reduce((n, d) => n + d.sources.length, 0) - shared);
    expect((await core.services['project:info']({})).canUndo).toBe('Load the reference annotation');
    await core.services['history:undo']({});
    expect(core.db.prepare(`SELECT count(*) FROM spans WHERE deleted_at IS NULL`).pluck().get()).toBe(0);
    await core.services['history:redo']({});
    expect(core.db.prepare(`SELECT count(*) FROM claims WHERE deleted_at IS NULL`).pluck().get()).toBe(114);
    core.close();
  });

  it('reproduces every claim span exactly, with kind, attributions and tags', async () => {
    const { core } = await goldProject();
    const { documents } = readGold(GOLD);
    for (const gold of documents) {
      const text = fs.readFileSync(path.join(CORPUS, gold.document), 'utf8');
      const documentId = core.db.prepare('SELECT id FROM documents WHERE text = ?').pluck().get(text) as string;
      expect(documentId, gold.document).toBeTruthy();
      const ann = await core.services['annotations:get']({ documentId });
      const tagName = new Map(ann.tags.map((t) => [t.id, t.name]));
      for (const c of gold.claims) {
        const start = nthIndex(text, c.exact, c.occurrence);
        const span = ann.spans.find((s) => s.start === start && s.end === start + c.exact.length && s.kind === c.kind);
        expect(span, `${gold.document} ${c.id}`).toBeDefined();
        expect(text.slice(span!.start, span!.end)).toBe(span!.exact);
        expect(span!.tagIds.map((t) => tagName.get(t)).sort()).toEqual([...c.tags].sort());
        const claim = ann.claims.find((x) => x.id === span!.id)!;
        expect(claim.attributions.map((a) => a.credibility)).toEqual(c.attributions.map((a) => a.credibility));
        for (const [i, a] of c.attributions.entries()) {
          const got = claim.attributions[i]!;
          expect(got.channel).toBe(a.channel);
          expect(got.speech).toBe(a.speech);
          expect(got.anonymous).toBe(a.anonymous);
          expect(got.anonymityReason).toBe(a.anonymity_reason);
          expect(got.via).toHaveLength(a.via.length);
          if (a.cue) expect(ann.spans.find((s) => s.id === got.cueSpanId)!.exact).toBe(a.cue);
        }
      }
    }
    core.close();
  });

  it('derives statuses from the links: the denied and disputed claims', async () => {
    const { core } = await goldProject();
    const rows = core.db
      .prepare(`SELECT s.exact, c.status FROM claims c JOIN spans s ON s.id = c.id WHERE c.deleted_at IS NULL`)
      .all() as Array<{ exact: string; status: string }>;
    const statusOf = (prefix: string) => rows.find((r) => r.exact.startsWith(prefix))!.status;
    // 003: the militias' stated aim is denied by residents ("refute these claims").
    expect(statusOf('their reinforcements aim to support Iraqi security forces')).toBe('denied');
    // 000 c1 (Jordan's charge) is denied by Iran/Hezbollah and by Syria in 001.
    expect(statusOf('pro-Iranian Syrian army units and militias loyal to Tehran')).toBe('denied');
    expect(rows.filter((r) => r.status === 'denied').length).toBeGreaterThanOrEqual(3);
    core.close();
  });

  it('leaves page furniture and reader comments out of search', async () => {
    const { core } = await goldProject();
    // "Captcha" only appears in 003's page furniture; "TN" only in 002's reader comments.
    expect((await core.services['search:query']({ query: 'Captcha', limit: 5 })).total).toBe(0);
    expect((await core.services['search:query']({ query: 'Loan against', limit: 5 })).total).toBe(0);
    expect((await core.services['search:query']({ query: 'captagon', limit: 5 })).total).toBe(3);
    core.close();
  });
});
