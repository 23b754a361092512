import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../../main/core/core.ts';
import { REPORTS, tempDir } from './helpers.ts';

describe('documents:list', () => {
  it('gives an untitled document the opening of its text, and a titled one none', async () => {
    const core = createCore({ dbPath: path.join(tempDir(), 'p.claimdesk'), analystName: 'Rana Haddad' });
    try {
      await core.importPaths(REPORTS);
      const { items } = await core.services['documents:list']({ offset: 0, limit: 10 });
      const untitled = items.filter((d) => d.title === null);
      expect(untitled.length).toBeGreaterThan(0);
      for (const d of untitled) {
        const { text } = await core.services['documents:get']({ id: d.id });
        expect(d.lead).toBe(text.slice(0, 200));
      }
      for (const d of items.filter((x) => x.title !== null)) expect(d.lead ?? null).toBeNull();
      // The report without a headline is the one that opens with Jordan's statement.
      const opening = fs.readFileSync(REPORTS.find((r) => path.basename(r).startsWith('000_'))!, 'utf8').slice(0, 40);
      expect(untitled.map((d) => d.lead!.slice(0, 40))).toContain(opening);
    } finally {
      core.close();
    }
  });
});
