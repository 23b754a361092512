import { describe, expect, it } from 'vitest';
import { detectLanguage, directionOfLanguage } from '../../../main/core/import/language.ts';
import { corpusText, expected } from './fixtures.ts';

const french = (expected['encodings/french-spanish-1252.txt'] as { text: string }).text.split('\n\n');

describe('detectLanguage', () => {
  it.each(['000_f0441c74b4d07c9b.txt', '001_8d8ef2971e5b5191.txt', '002_e433ff60202df370.txt', '003_629ec98bd1675e8a.txt'])(
    'corpus %s is English, left to right',
    (name) => {
      expect(detectLanguage(corpusText(name))).toEqual({ language: 'en', direction: 'ltr' });
    },
  );

  it('the Arabic corpus document is Arabic, right to left', () => {
    expect(detectLanguage(corpusText('arabic/naya_foriraq-captagon.txt'))).toEqual({ language: 'ar', direction: 'rtl' });
  });

  it('tells French and Spanish apart', () => {
    expect(detectLanguage(french[0]!).language).toBe('fr');
    expect(detectLanguage(french[1]!).language).toBe('es');
  });

  it.each([
    ['משרד הפנים הודיע היום על תפיסת משלוח סמים בגבול', { language: 'he', direction: 'rtl' }],
    ['وزارت کشور ایران اعلام کرد که یک محموله مواد مخدر در مرز کشف شد', { language: 'fa', direction: 'rtl' }],
    ['Lorem ipsum dolor sit amet consectetur adipiscing elit', { language: 'und-Latn', direction: 'ltr' }],
    ['Η αστυνομία κατέσχεσε μεγάλη ποσότητα ναρκωτικών', { language: 'und', direction: 'ltr' }],
    ['12 345 — 2023', { language: 'und', direction: 'ltr' }],
    ['', { language: 'und', direction: 'ltr' }],
  ])('%j → %j', (text, want) => {
    expect(detectLanguage(text)).toEqual(want);
  });

  it('an Arabic article quoting English names stays Arabic', () => {
    expect(detectLanguage('قال المتحدث باسم Reuters إن الجيش الأردني أحبط عملية تهريب على الحدود مع سوريا').language).toBe('ar');
  });

  it('looks only at the start of a long text', () => {
    const text = 'The army said that the border was closed. '.repeat(600) + 'وزارة الداخلية العراقية '.repeat(3000);
    expect(text.length).toBeGreaterThan(90_000);
    expect(detectLanguage(text).language).toBe('en');
  });
});

describe('directionOfLanguage', () => {
  it.each([
    ['ar', 'rtl'],
    ['fa-IR', 'rtl'],
    ['ku-Arab', 'rtl'],
    ['he', 'rtl'],
    ['en', 'ltr'],
    ['az-Latn', 'ltr'],
    ['fr-CA', 'ltr'],
    ['not a tag', null],
  ])('%s → %s', (tag, want) => {
    expect(directionOfLanguage(tag)).toBe(want);
  });
});
