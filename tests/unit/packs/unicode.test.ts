/**
 * Arabic and emoji keep their anchors through export and merge. Emoji before a span make code points
 * (what the Web Annotation selectors count) differ from UTF-16 units (what spans count), and the
 * shadda in «عرّاب» is a combining mark that must neither split nor shift anything.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, caller, tempDir } from '../core/helpers.ts';
import { emptyProject, exportBytes, files, jobId, text } from './helpers.ts';

const TEXT = '🚚🇯🇴 قال مصدر أمني إن عرّاب الكبتاغون فرّ إلى سوريا 👍 يوم الأحد.\n\nJordan 🙂 says the smuggler fled north.\n';

async function arabicProject() {
  const core = emptyProject('arabic');
  const file = path.join(tempDir(), 'arabic-emoji.txt');
  fs.writeFileSync(file, TEXT);
  await core.importPaths([file]);
  const call = caller(core);
  const [doc] = (await call('documents:list', {})).items;
  const mark = async (exact: string, kind: 'claim' | 'source' | 'cue') => {
    const start = TEXT.indexOf(exact);
    return call('spans:create', { documentId: doc!.id, kind, start, end: start + exact.length, exact });
  };
  const claim = await mark('عرّاب الكبتاغون فرّ إلى سوريا', 'claim');
  const says = await mark('says', 'cue');
  const jordan = await mark('Jordan', 'source');
  const tag = await call('tags:create', { name: 'كبتاغون' });
  await call('tags:apply', { tagId: tag.id, spanId: claim.id });
  return { core, documentId: doc!.id, claim, says, jordan };
}

describe('Arabic and emoji through a pack', { timeout: 60_000 }, () => {
  it('writes code point positions and reads them back as the same UTF-16 spans', async () => {
    const { core, documentId, claim, says } = await arabicProject();
    const pack = await exportBytes(core);
    const items = (JSON.parse(text(files(pack)['annotations.jsonld'])) as { first: { items: Array<{ id: string; target: { selector: Array<Record<string, unknown>> } }> } }).first.items;
    const position = (id: string) => items.find((a) => a.id === `urn:uuid:${id}`)!.target.selector[1]!;
    // 🚚 is one code point (two units), 🇯🇴 two code points (four units): three units ahead.
    expect(position(claim.id)).toEqual({ type: 'TextPositionSelector', start: claim.start - 3, end: claim.end - 3 });
    // …and 👍, 🙂 add one each before "says".
    expect(position(says.id)).toEqual({ type: 'TextPositionSelector', start: says.start - 5, end: says.end - 5 });
    expect([...TEXT].slice(position(claim.id).start as number, position(claim.id).end as number).join('')).toBe('عرّاب الكبتاغون فرّ إلى سوريا');
    expect(text(files(pack)[`documents/${documentId}.txt`])).toBe(TEXT);

    const target = emptyProject('target');
    const report = await caller(target)('packs:import', { jobId: jobId(), data: pack, name: 'arabic.claimpack' });
    expect(report.verify.warnings).toEqual([]);
    const got = await caller(target)('annotations:get', { documentId });
    const mine = await caller(core)('annotations:get', { documentId });
    // Their prefixes and suffixes are in the selectors of the pack exported again, compared below.
    const shape = (x: typeof got) => x.spans.map(({ id, start, end, exact, kind, tagIds }) => ({ id, start, end, exact, kind, tagIds }));
    expect(shape(got)).toEqual(shape(mine));
    const stored = target.db.prepare(`SELECT exact FROM spans WHERE id = ?`).pluck();
    for (const s of got.spans) expect(TEXT.slice(s.start, s.end)).toBe(stored.get(s.id));
    expect(files(await exportBytes(target))['annotations.jsonld']).toEqual(files(pack)['annotations.jsonld']);
    core.close();
    target.close();
  });

  it('marks Arabic in report.html right to left', async () => {
    const { core, claim } = await arabicProject();
    const html = text(files(await exportBytes(core))['report.html']);
    expect(html).toContain('dir="rtl"');
    expect(html).toContain(`<mark class="k-claim" id="c-${claim.id}">عرّاب الكبتاغون فرّ إلى سوريا</mark>`);
    core.close();
  });

  it('keeps a legacy-encoded file\'s original bytes (documents/<id>.orig) through the trip', async () => {
    const core = emptyProject('legacy');
    const file = path.join(FIXTURES, 'import/encodings/arabic-1256.txt');
    await core.importPaths([file]);
    const [doc] = (await caller(core)('documents:list', {})).items;
    const pack = await exportBytes(core);
    const orig = files(pack)[`documents/${doc!.id}.orig`];
    expect(orig).toEqual(new Uint8Array(fs.readFileSync(file)));
    const record = JSON.parse(text(files(pack)[`documents/${doc!.id}.json`])) as { imports: Array<{ encoding: string; original: boolean }> };
    expect(record.imports).toEqual([expect.objectContaining({ encoding: 'windows-1256', original: true })]);
    const target = emptyProject('target');
    await caller(target)('packs:import', { jobId: jobId(), data: pack, name: 'legacy.claimpack' });
    expect(files(await exportBytes(target))[`documents/${doc!.id}.orig`]).toEqual(orig);
    core.close();
    target.close();
  });
});
