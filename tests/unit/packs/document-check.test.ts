/**
 * Verify's fast document-record check (main/core/packs/document-check.ts) never accepts what the
 * schema refuses, and what it accepts reads the same: every field of the sample corpus's exported
 * records (`documents/<id>.json`) is mutated, and each mutant the fast check accepts must pass
 * `DocumentRecord` with output equal to the record it returned.
 */
import { describe, expect, it } from 'vitest';
import { quickCheckDocument } from '../../../main/core/packs/document-check.ts';
import { DocumentRecord } from '../../../shared/pack-format.ts';
import { exportBytes, files, goldProject, text } from './helpers.ts';
import { mutants, type Json } from './mutants.ts';

describe('the fast document check', { timeout: 60_000 }, () => {
  it('accepts what the schema accepts, never what it refuses, and reads the same', async () => {
    const core = await goldProject('fast-document-check');
    const pack = await exportBytes(core);
    core.close();
    const records = Object.entries(files(pack))
      .filter(([name]) => /^documents\/[^/]+\.json$/.test(name))
      .map(([, bytes]) => JSON.parse(text(bytes)) as Record<string, Json>);
    expect(records.length).toBeGreaterThan(0);
    // The corpus's records leave some fields null: one copy with every nullable field given a value,
    // so that both sides of each is mutated.
    const first = records[0]!;
    const imports = first.imports as Array<Record<string, Json>>;
    expect(imports.length).toBeGreaterThan(0);
    const filled = {
      ...first, title: 'Report', outlet: 'Wire', author: 'Rana K.', url: 'https://example.org/a', published: '2023-12',
      creator: '01900000-0000-7000-8000-000000000001', tags: ['01900000-0000-7000-8000-000000000002'],
      imports: imports.map((i) => ({ ...i, analyst: '01900000-0000-7000-8000-000000000003' })),
    };
    const sample = [...records, filled];
    for (const r of sample) {
      expect(quickCheckDocument(structuredClone(r))).not.toBeNull();
      expect(DocumentRecord.safeParse(r).success).toBe(true);
    }

    let accepted = 0;
    let refused = 0;
    for (const r of sample) {
      for (const { where, value } of mutants(r)) {
        const quick = quickCheckDocument(structuredClone(value));
        if (!quick) {
          refused++;
          continue;
        }
        accepted++;
        const schema = DocumentRecord.safeParse(structuredClone(value));
        expect(schema.success, `accepted but the schema refuses: ${where}`).toBe(true);
        if (schema.success) expect(quick, where).toEqual(schema.data);
      }
    }
    // Both sides are exercised: harmless changes pass, harmful ones do not.
    expect(accepted).toBeGreaterThan(20);
    expect(refused).toBeGreaterThan(200);
  });
  // A whole pack with a damaged record (schema-error.claimpack, wordCount) is in hostile.test.ts: the
  // fast check says no, and verify reports the schema's message and field.
});
