/**
 * Every annotation a pack carries passes the W3C Web Annotation test suite's "must" assertions, and so
 * do its collection and page. The suite's JSON Schemas (draft-04) are validated with ajv; the wiring is
 * checked on the suite's own samples first, so a validator that accepts everything cannot pass.
 */
import fs from 'node:fs';
import path from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { FIXTURES, caller } from '../core/helpers.ts';
import { exportBytes, files, goldProject, text } from './helpers.ts';

const SUITE = path.join(FIXTURES, 'standards/web-annotation-tests');
const readJson = (file: string) => JSON.parse(fs.readFileSync(path.join(SUITE, file), 'utf8')) as Record<string, unknown>;

function suite() {
  const ajv = new Ajv({ strict: false, allErrors: false, validateSchema: false });
  addFormats(ajv);
  for (const f of fs.readdirSync(path.join(SUITE, 'definitions')).filter((x) => x.endsWith('.json'))) ajv.addSchema(readJson(`definitions/${f}`));
  const musts = (testFile: string): Array<{ name: string; validate: ValidateFunction }> =>
    (readJson(testFile).assertions as string[]).map((a) => {
      const schema = readJson(a);
      expect(schema.assertionType, a).toBe('must');
      // Assertion ids are bare file names, resolved against the definitions' ids; the same id in two
      // folders is replaced, not duplicated.
      ajv.removeSchema(schema.id as string);
      return { name: a, validate: ajv.compile(schema) };
    });
  return {
    annotation: musts('annotations/annotationMusts.test'),
    collection: musts('collections/collectionMusts.test'),
    page: musts('collections/pages/pageMusts.test'),
  };
}

const failures = (checks: Array<{ name: string; validate: ValidateFunction }>, value: unknown) =>
  checks.filter((c) => !c.validate(value)).map((c) => c.name);

describe('W3C Web Annotation "must" assertions', { timeout: 60_000 }, () => {
  const s = suite();

  it('the validator is wired right: the suite\'s correct samples pass, its incorrect ones fail', () => {
    const samples = path.join(SUITE, 'tools/samples');
    // anno11-13 use Composite/List/Independents targets, which the suite's own assertions do not accept.
    const correct = fs.readdirSync(path.join(samples, 'correct')).filter((f) => /^anno\d+\.json$/.test(f) && !/^anno1[123]\.json$/.test(f));
    expect(correct.length).toBeGreaterThan(20);
    for (const f of correct) expect(failures(s.annotation, JSON.parse(fs.readFileSync(path.join(samples, 'correct', f), 'utf8'))), f).toEqual([]);
    const incorrect = fs.readdirSync(path.join(samples, 'incorrect')).filter((f) => f.endsWith('.json'));
    expect(incorrect.length).toBe(39);
    for (const f of incorrect) {
      let value: unknown;
      try {
        value = JSON.parse(fs.readFileSync(path.join(samples, 'incorrect', f), 'utf8'));
      } catch {
        continue; // not JSON at all: nothing for a schema to judge
      }
      expect(failures(s.annotation, value).length, f).toBeGreaterThan(0);
    }
  });

  it('every annotation of the sample project passes, and so do the collection and its page', async () => {
    const core = await goldProject();
    const call = caller(core);
    const [first] = (await call('documents:list', {})).items;
    const span = (await call('annotations:get', { documentId: first!.id })).spans.find((x) => x.kind === 'claim')!;
    await call('spans:update', { id: span.id, revision: span.revision, patch: { note: 'Checked against the ministry statement.' } });
    const doc = JSON.parse(text(files(await exportBytes(core))['annotations.jsonld'])) as {
      first: { items: Array<Record<string, unknown>> } & Record<string, unknown>;
    } & Record<string, unknown>;
    const items = doc.first.items;
    expect(items.length).toBeGreaterThan(400);
    const kinds = new Set<string>();
    for (const a of items) {
      expect(failures(s.annotation, a), String(a.id)).toEqual([]);
      for (const b of a.body as Array<{ role: string }>) kinds.add(b.role);
    }
    // Every kind of body Claimdesk writes was exercised.
    expect([...kinds].sort()).toEqual(['attribution', 'kind', 'link', 'mention', 'note', 'tag']);
    expect(failures(s.collection, doc)).toEqual([]);
    expect(failures(s.page, { '@context': doc['@context'], ...doc.first })).toEqual([]);
    // Position selectors count code points; the quote selector holds the exact text.
    const selector = (items[0]!.target as { selector: Array<Record<string, unknown>> }).selector;
    expect(selector.map((x) => x.type)).toEqual(['TextQuoteSelector', 'TextPositionSelector']);
    core.close();
  });
});
