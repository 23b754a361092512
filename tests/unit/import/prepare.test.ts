import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { prepareDocument } from '../../../main/core/import/prepare.ts';
import { corpusBytes, corpusText, expected, fixtureBytes, importErrorOf } from './fixtures.ts';

const sha256OfBytes = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
const sha256OfText = (text: string): string => sha256OfBytes(new TextEncoder().encode(text));
const want = (rel: string): { text: string; normalized?: string } => expected[rel] as { text: string; normalized?: string };

describe('prepareDocument', () => {
  it('keeps no copy of a UTF-8 file stored as is; its hash is the file hash', () => {
    const bytes = corpusBytes('001_8d8ef2971e5b5191.txt');
    const doc = prepareDocument(bytes, null);
    expect(doc.text).toBe(corpusText('001_8d8ef2971e5b5191.txt'));
    expect(doc.originalBytes).toBeNull();
    expect(doc.sha256).toBe(sha256OfBytes(bytes));
    expect(doc).toMatchObject({ encoding: 'utf-8', language: 'en', direction: 'ltr', sidecar: null });
    expect(doc.wordCount).toBeGreaterThan(500);
    expect(doc.meta).toEqual({
      title: 'Jordan Stops Infiltration By Iran-Backed Drug Smugglers',
      outlet: 'Reuters',
      author: 'Reuters',
      url: null,
      published: '2023-12-19',
    });
    expect(doc.proposed.publishedText).toBe('Tuesday, 12/19/2023');
  });

  it.each(['encodings/arabic-1256.txt', 'encodings/utf8-bom.txt', 'encodings/crlf.txt', 'encodings/nfd.txt', 'encodings/utf16le-bom.txt'])(
    '%s: keeps the original bytes (the same buffer) and hashes the normalised text',
    (rel) => {
      const bytes = fixtureBytes(rel);
      const doc = prepareDocument(bytes, null);
      const text = want(rel).normalized ?? want(rel).text;
      expect(doc.text).toBe(text);
      expect(doc.originalBytes).toBe(bytes);
      expect(doc.sha256).toBe(sha256OfText(text));
    },
  );

  it('reads the windows-1256 fixture as Arabic, right to left', () => {
    expect(prepareDocument(fixtureBytes('encodings/arabic-1256.txt'), null)).toMatchObject({
      encoding: 'windows-1256',
      language: 'ar',
      direction: 'rtl',
    });
  });

  it('lets the sidecar win field by field, and keeps the proposals alongside', () => {
    const doc = prepareDocument(fixtureBytes('sidecars/article.txt'), fixtureBytes('sidecars/article.json'));
    expect(doc.meta).toEqual({
      title: 'Jordan stops infiltration by Iran-backed drug smugglers',
      outlet: 'Reuters',
      author: 'Reuters', // not in the sidecar: proposed from the credit line
      url: 'https://example.org/world/jordan-infiltration',
      published: '2023-12-19',
    });
    expect(doc.proposed.title).toBe('Jordan Stops Infiltration By Iran-Backed Drug Smugglers');
    expect(doc.sidecar?.extra).toEqual({ collected_by: 'analyst-7' });
  });

  it('takes the Arabic corpus document with its sidecar', () => {
    const doc = prepareDocument(
      corpusBytes('arabic/naya_foriraq-captagon.txt'),
      corpusBytes('arabic/naya_foriraq-captagon.json'),
    );
    expect(doc).toMatchObject({ language: 'ar', direction: 'rtl', originalBytes: null });
    expect(doc.meta).toEqual({
      title: 'Posts on captagon seizures (naya_foriraq)',
      outlet: 'naya_foriraq (public Telegram channel)',
      author: null,
      url: 'https://t.me/naya_foriraq',
      published: null,
    });
  });

  it('uses the language the sidecar states, with its direction', () => {
    const doc = prepareDocument(corpusBytes('000_f0441c74b4d07c9b.txt'), new TextEncoder().encode('{"language": "fa"}'));
    expect(doc).toMatchObject({ language: 'fa', direction: 'rtl' });
  });

  it('fails on a bad sidecar even when the text is fine, and on a bad text', () => {
    expect(importErrorOf(() => prepareDocument(fixtureBytes('sidecars/proto.txt'), fixtureBytes('sidecars/proto.json'))).code).toBe('BAD_SIDECAR');
    expect(importErrorOf(() => prepareDocument(fixtureBytes('binary/photo.txt'), null)).code).toBe('BINARY');
  });
});
