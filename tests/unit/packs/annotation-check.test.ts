/**
 * Verify's fast annotation check (main/core/packs/annotation-check.ts) never accepts what the schema
 * refuses, and what it accepts reads the same: every field of the sample project's real annotations
 * is mutated (removed, nulled, given each wrong type, emptied, extended) and each mutant that the fast
 * check accepts must pass `CheckedWebAnnotation` and convert to the same span.
 */
import { describe, expect, it } from 'vitest';
import { quickCheckAnnotation } from '../../../main/core/packs/annotation-check.ts';
import { fromWebAnnotation } from '../../../main/core/packs/w3c.ts';
import { CheckedWebAnnotation, KNOWN_BODIES } from '../../../shared/pack-format.ts';
import { caller } from '../core/helpers.ts';
import { exportBytes, files, goldProject, text } from './helpers.ts';
import { mutants, type Json } from './mutants.ts';

/** As verify does before the schema: bodies of roles this version does not know are set aside. */
function schemaCheck(item: Json) {
  const body = (item as { body?: unknown }).body;
  const known = Array.isArray(body) ? body.filter((b: { role?: unknown }) => typeof b?.role !== 'string' || Object.hasOwn(KNOWN_BODIES, b.role)) : body;
  return CheckedWebAnnotation.safeParse(Array.isArray(body) ? { ...(item as object), body: known } : item);
}

describe('the fast annotation check', { timeout: 60_000 }, () => {
  it('accepts what the schema accepts, never what it refuses, and reads the same', async () => {
    const core = await goldProject('fast-check');
    // The reference annotation has no notes: one is added, so that every body role is sampled.
    const [doc] = (await caller(core)('documents:list', {})).items;
    const span = (await caller(core)('annotations:get', { documentId: doc!.id })).spans.find((x) => x.kind === 'claim')!;
    await caller(core)('spans:update', { id: span.id, revision: span.revision, patch: { note: 'Unconfirmed; see the ministry statement.' } });
    const pack = files(await exportBytes(core));
    core.close();
    const items = (JSON.parse(text(pack['annotations.jsonld'])) as { first: { items: Json[] } }).first.items;
    // A sample that holds every body role and selector form, kept small: each item has ~1,000 mutants.
    const roles = (item: Json) => ((item as { body: Array<{ role: string }> }).body.map((b) => b.role)).sort().join(',');
    const sample = [...new Map(items.map((item) => [`${roles(item)}|${JSON.stringify((item as { body: unknown[] }).body[0]).includes('spanData')}`, item])).values()];
    expect(new Set(sample.flatMap((i) => roles(i).split(',')))).toEqual(new Set(['kind', 'tag', 'note', 'mention', 'attribution', 'link']));

    for (const item of items) expect(quickCheckAnnotation(structuredClone(item))).not.toBeNull();
    let accepted = 0;
    let refused = 0;
    for (const item of sample) {
      for (const { where, value } of mutants(item)) {
        const quick = quickCheckAnnotation(structuredClone(value));
        if (!quick) {
          refused++;
          continue;
        }
        accepted++;
        const schema = schemaCheck(structuredClone(value));
        expect(schema.success, `accepted but the schema refuses: ${where}`).toBe(true);
        if (!schema.success) continue;
        expect(fromWebAnnotation(quick.value, null), where).toEqual(fromWebAnnotation(schema.data, null));
      }
    }
    // Both sides of the check are exercised: harmless changes pass, harmful ones do not.
    expect(accepted).toBeGreaterThan(50);
    expect(refused).toBeGreaterThan(500);
  });

  it('sets aside bodies of roles it does not know and names them, as the schema path does', () => {
    const item = {
      '@context': ['http://www.w3.org/ns/anno.jsonld', 'context.jsonld'], id: 'urn:uuid:01900000-0000-7000-8000-000000000001', type: 'Annotation',
      motivation: 'classifying', created: '2026-01-01T00:00:00.000Z', modified: '2026-01-01T00:00:00.000Z', revision: 1,
      body: [{ role: 'kind', type: 'TextualBody', purpose: 'classifying', value: 'claim' }, { role: 'futureThing', value: 1 }],
      target: { type: 'SpecificResource', source: 'urn:uuid:01900000-0000-7000-8000-000000000002', selector: [{ type: 'TextQuoteSelector', exact: 'x', prefix: '', suffix: '' }] },
    };
    const quick = quickCheckAnnotation(item);
    expect(quick?.unknownRoles).toEqual(['futureThing']);
    expect(quick?.value.body).toHaveLength(1);
    expect(quickCheckAnnotation({ ...item, body: [{ role: 'futureThing' }] })).toBeNull();
  });
});
