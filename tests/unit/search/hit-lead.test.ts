/**
 * A search hit names an untitled document by its opening (`lead`), as the list of documents does,
 * so that a finder (the export panel's "leave out") shows which report it is; a titled one has none.
 */
import { describe, expect, it } from 'vitest';
import { caller } from '../core/helpers.ts';
import { goldProject } from '../packs/helpers.ts';

describe('search hits', () => {
  it('carry the opening of an untitled document, and nothing for a titled one', { timeout: 30_000 }, async () => {
    const core = await goldProject('hit-lead');
    const { hits } = await caller(core)('search:query', { query: 'Jordan' });
    const untitled = hits.filter((h) => h.document.title === null);
    const titled = hits.filter((h) => h.document.title !== null);
    expect(untitled.length).toBeGreaterThan(0);
    expect(titled.length).toBeGreaterThan(0);
    const listed = (await caller(core)('documents:list', {})).items;
    for (const h of untitled) {
      expect(h.document.lead).toMatch(/^Jordan said on Monday/);
      expect(h.document.lead).toBe(listed.find((d) => d.id === h.document.id)!.lead);
    }
    for (const h of titled) expect(h.document.lead ?? null).toBeNull();
    core.close();
  });
});
