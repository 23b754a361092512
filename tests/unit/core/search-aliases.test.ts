import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../../main/core/core.ts';
import { caller, tempDir } from './helpers.ts';

describe('search aliases', () => {
  it('finds both Arabic spellings of captagon, and the English word, until the analyst changes the list', async () => {
    const core = createCore({ dbPath: path.join(tempDir(), 'p.claimdesk') });
    const call = caller(core);
    const enc = (s: string) => new TextEncoder().encode(s);
    await call('documents:import', {
      jobId: 'j',
      files: [
        { name: 'gh.txt', data: enc('ضبط 32 كغم من مادة الكبتاغون قرب منفذ عرعر') },
        { name: 'j.txt', data: enc('تاجر بحوزته 4 كيلو من حبة الكبتاجون في محافظة الأنبار') },
        { name: 'en.txt', data: enc('Jordan seized 20 million captagon tablets.') },
      ],
    });
    const found = async (query: string) => (await call('search:query', { query })).hits.map((h) => h.snippet.filter((p) => p.match).map((p) => p.text)).flat().sort();
    expect(await found('الكبتاغون')).toEqual(['الكبتاجون', 'الكبتاغون', 'captagon'].sort());
    expect(await found('الكبتاجون')).toHaveLength(3);
    expect(await found('"الكبتاجون"')).toEqual(['الكبتاجون']); // a phrase is taken as typed
    expect(await call('search:aliases', {})).toEqual([['captagon', 'كبتاغون', 'كبتاجون', 'الكبتاغون', 'الكبتاجون']]);
    await call('search:setAliases', { groups: [] });
    expect(await found('الكبتاغون')).toEqual(['الكبتاغون']);
    await call('search:setAliases', { groups: [['Hezbollah', 'Hizbullah', 'Hizballah']] });
    expect(await call('search:aliases', {})).toEqual([['Hezbollah', 'Hizbullah', 'Hizballah']]);
    const bad = await core.dispatch('search:setAliases', { groups: [['two words', 'x']] });
    expect(bad.ok).toBe(false);
    core.close();
  });
});
