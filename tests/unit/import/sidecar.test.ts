import { describe, expect, it } from 'vitest';
import { parseSidecar } from '../../../main/core/import/sidecar.ts';
import { corpusBytes, fixtureBytes, importErrorOf } from './fixtures.ts';

const json = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('parseSidecar', () => {
  it('reads the Arabic corpus sidecar', () => {
    expect(parseSidecar(corpusBytes('arabic/naya_foriraq-captagon.json'))).toEqual({
      title: 'Posts on captagon seizures (naya_foriraq)',
      outlet: 'naya_foriraq (public Telegram channel)',
      author: null,
      url: 'https://t.me/naya_foriraq',
      published: null,
      language: 'ar',
      extra: {},
    });
  });

  it('reads the article fixture: a datetime becomes its calendar date, unknown keys go to extra', () => {
    expect(parseSidecar(fixtureBytes('sidecars/article.json'))).toEqual({
      title: 'Jordan stops infiltration by Iran-backed drug smugglers',
      outlet: 'Reuters',
      author: null,
      url: 'https://example.org/world/jordan-infiltration',
      published: '2023-12-19',
      language: 'en',
      extra: { collected_by: 'analyst-7' },
    });
  });

  it.each([
    ['2024', '2024'],
    ['2024-03', '2024-03'],
    ['2024-02-29', '2024-02-29'],
    ['2024-01-28T23:30:00+03:00', '2024-01-28'],
    ['2024-01-28T09:30Z', '2024-01-28'],
    ['2024-01-28 09:30:00', '2024-01-28'],
  ])('published %s → %s', (published, want) => {
    expect(parseSidecar(json(JSON.stringify({ published }))).published).toBe(want);
  });

  it('treats null and blank fields as absent, trims the rest, tolerates a BOM', () => {
    const bytes = json('\ufeff{ "title": "  Border report ", "author": null, "outlet": "   " }');
    expect(parseSidecar(bytes)).toMatchObject({ title: 'Border report', author: null, outlet: null });
  });

  it('keeps keys named like Object methods as plain extra data', () => {
    expect(parseSidecar(json('{ "toString": "x", "valueOf": 1 }')).extra).toEqual({ toString: 'x', valueOf: 1 });
  });
});

describe('parseSidecar refusals (BAD_SIDECAR)', () => {
  it('names the line and column of a JSON syntax error', () => {
    const e = importErrorOf(() => parseSidecar(fixtureBytes('sidecars/bad-json.json')));
    expect(e.code).toBe('BAD_SIDECAR');
    expect(e.message).toContain('not valid JSON');
    expect(e.message).toContain('line 4, column 1');
  });

  it('says an empty file is empty', () => {
    expect(importErrorOf(() => parseSidecar(json('  \n'))).message).toContain('it is empty');
  });

  it('refuses __proto__, and constructor/prototype at any depth, however escaped', () => {
    const e = importErrorOf(() => parseSidecar(fixtureBytes('sidecars/proto.json')));
    expect(e.code).toBe('BAD_SIDECAR');
    expect(e.message).toContain('"__proto__"');
    expect(importErrorOf(() => parseSidecar(json('{"notes": {"a": [{"constructor": {}}]}}'))).message).toContain('"constructor"');
    expect(importErrorOf(() => parseSidecar(json('{"x": {"prototype": 1}}'))).message).toContain('"prototype"');
    expect(importErrorOf(() => parseSidecar(json('{"\\u005f_proto__": {}}'))).message).toContain('"__proto__"');
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });

  it('names the field of the wrong type, and lists every bad field in details', () => {
    const e = importErrorOf(() => parseSidecar(fixtureBytes('sidecars/wrong-types.json')));
    expect(e.code).toBe('BAD_SIDECAR');
    expect(e.message).toBe('In the metadata file (.json), "title" must be text, not a number.');
    expect(e.details).toEqual({ fields: ['title', 'author', 'published'] });
  });

  it.each([
    ['{ "url": "javascript:alert(1)" }', '"url" must be a web address'],
    ['{ "url": "not a url" }', '"url"'],
    ['{ "published": "2024-02-30" }', '"published" must be a date'],
    ['{ "published": "28/01/2024" }', 'not "28/01/2024"'],
    ['{ "language": "Arabic!" }', '"language" must be a language tag'],
    ['{ "author": true }', 'not true/false'],
    ['{ "outlet": {"name": "X"} }', 'not an object'],
  ])('%s', (text, fragment) => {
    const e = importErrorOf(() => parseSidecar(json(text)));
    expect(e.code).toBe('BAD_SIDECAR');
    expect(e.message).toContain(fragment);
  });

  it('refuses a top-level array or value, and bytes that are not UTF-8', () => {
    expect(importErrorOf(() => parseSidecar(json('[1, 2]'))).message).toContain('not a list');
    expect(importErrorOf(() => parseSidecar(json('"title"'))).message).toContain('one JSON object');
    const latin1 = Uint8Array.from([0x7b, 0x22, 0x74, 0x22, 0x3a, 0x22, 0xe9, 0x22, 0x7d]);
    expect(importErrorOf(() => parseSidecar(latin1)).message).toContain('not UTF-8');
  });
});
