import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createCore, type Core } from '../../../main/core/core.ts';
import { loadGold } from '../../../main/core/annotations/gold-loader.ts';
import { Client } from '../../../renderer/src/client/client.ts';
import { quickCheck } from '../../../renderer/src/client/quick-checks.ts';
import type { Transport } from '../../../renderer/src/client/transport.ts';
import { DocumentAnnotations } from '../../../shared/annotation-schemas.ts';
import { fromWire, toWire } from '../../../shared/wire.ts';
import { CORPUS, REPORTS, tempDir } from '../core/helpers.ts';

/** The four sample reports with their reference annotation: tags, quantities, entities, notes. */
let core: Core;
const answers: unknown[] = [];

beforeAll(async () => {
  core = createCore({ dbPath: path.join(tempDir(), 'gold.claimdesk'), analystName: 'Reference analyst' });
  await core.importPaths(REPORTS);
  loadGold(core.annotation, path.join(CORPUS, 'gold'), CORPUS);
  const ids = core.db.prepare(`SELECT id FROM documents WHERE deleted_at IS NULL ORDER BY seq`).pluck().all() as string[];
  // As the renderer receives them: through the wire encoding.
  for (const documentId of ids) answers.push(fromWire(toWire(await core.services['annotations:get']({ documentId }))));
});
afterAll(() => core.close());

const answering = (value: unknown): Client =>
  new Client({ invoke: async () => ({ ok: true, value }) as Awaited<ReturnType<Transport['invoke']>>, onEvent: () => () => {} });

/** A copy of the first answer with its first span changed by `change`. */
function withSpan(change: (span: Record<string, unknown>) => void): { documentId: string; spans: Array<Record<string, unknown>> } {
  const copy = structuredClone(answers[0]) as { documentId: string; spans: Array<Record<string, unknown>> };
  change(copy.spans[0]!);
  return copy;
}

describe('the quick check of annotations:get', () => {
  it('accepts the reference annotation and hands back what zod would', () => {
    let spans = 0;
    let withData = 0;
    let tagged = 0;
    for (const answer of answers) {
      const quick = quickCheck('annotations:get', answer);
      expect(quick).toBeDefined();
      expect(quick).toEqual(DocumentAnnotations.parse(answer));
      const a = quick as DocumentAnnotations;
      spans += a.spans.length;
      withData += a.spans.filter((s) => s.data !== null).length;
      tagged += a.spans.filter((s) => s.tagIds.length > 0).length;
    }
    // The material holds what the check is about.
    expect(spans).toBeGreaterThan(300);
    expect(withData).toBeGreaterThan(0);
    expect(tagged).toBeGreaterThan(0);
  });

  it('leaves to zod what it cannot vouch for, and zod decides', async () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    const cases: Array<[string, (s: Record<string, unknown>) => void, 'accepted' | 'refused']> = [
      ['a field the contract does not have (zod strips it)', (s) => (s.extra = 1), 'accepted'],
      ['the nil UUID (zod accepts it, the quick check does not know it)', (s) => (s.tagIds = ['00000000-0000-0000-0000-000000000000']), 'accepted'],
      ['an unknown kind', (s) => (s.kind = 'rumour'), 'refused'],
      ['a position that is not an integer', (s) => (s.start = 1.5), 'refused'],
      ['a missing field', (s) => delete s.note, 'refused'],
      ['data with a field SpanData does not have', (s) => (s.data = { colour: 'red' }), 'refused'],
      ['an id that is not a UUID', (s) => (s.id = 'span-1'), 'refused'],
      ['orphaned as a number', (s) => (s.orphaned = 0), 'refused'],
    ];
    for (const [what, change, verdict] of cases) {
      const answer = withSpan(change);
      expect(quickCheck('annotations:get', answer), what).toBeUndefined();
      const result = await answering(answer).call('annotations:get', { documentId: answer.documentId });
      if (verdict === 'accepted') {
        expect(result.ok, what).toBe(true);
        if (result.ok) expect(result.value, what).toEqual(DocumentAnnotations.parse(answer));
        if (result.ok) expect(Object.keys(result.value.spans[0]!), what).not.toContain('extra');
      } else {
        expect(result.ok, what).toBe(false);
        if (!result.ok) expect(result.error.code, what).toBe('BAD_RESPONSE');
      }
    }
    spy.mockRestore();
  });

  it('still has zod check the rest of the answer', async () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    const answer = structuredClone(answers[0]) as Record<string, unknown>;
    answer.claims = [{ id: 'not a claim' }];
    expect(quickCheck('annotations:get', answer)).toBeUndefined();
    const result = await answering(answer).call('annotations:get', { documentId: answer.documentId as string });
    expect(result.ok).toBe(false);
    spy.mockRestore();
  });

  it('is used only for the channels it knows', () => {
    expect(quickCheck('documents:outlets', ['Reuters'])).toBeUndefined();
  });
});
