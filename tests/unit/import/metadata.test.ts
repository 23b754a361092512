import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { proposeMetadata } from '../../../main/core/import/metadata.ts';
import { CORPUS, corpusText } from './fixtures.ts';

interface GoldHeader {
  title: string | null;
  byline: string | null;
  outlet_stated: string | null;
  published_stated: string | null;
}
const gold = (id: string): GoldHeader => JSON.parse(readFileSync(`${CORPUS}gold/${id}.gold.json`, 'utf8')) as GoldHeader;

describe('proposeMetadata on the sample corpus, against the reference headers', () => {
  it.each([
    ['000_f0441c74b4d07c9b', null],
    ['001_8d8ef2971e5b5191', '2023-12-19'],
    ['002_e433ff60202df370', null],
    ['003_629ec98bd1675e8a', null],
  ])('%s', (id, published) => {
    const want = gold(id);
    const got = proposeMetadata(corpusText(`${id}.txt`));
    expect(got).toEqual({
      title: want.title,
      author: want.byline,
      outlet: want.outlet_stated,
      published,
      publishedText: want.published_stated,
    });
  });

  it('the gold headers are what the brief says (so the test above checks real values)', () => {
    expect(gold('001_8d8ef2971e5b5191').title).toBe('Jordan Stops Infiltration By Iran-Backed Drug Smugglers');
    expect(gold('002_e433ff60202df370').byline).toBe('Anas al-Bar');
    expect(gold('000_f0441c74b4d07c9b').title).toBeNull();
  });

  it('proposes nothing for the Arabic posts (a speaker label is not a headline) and does not fail', () => {
    expect(proposeMetadata(corpusText('arabic/naya_foriraq-captagon.txt'))).toEqual({
      title: null,
      author: null,
      outlet: null,
      published: null,
      publishedText: null,
    });
  });
});

const body =
  'Jordan’s army said on Monday it had killed four smugglers in a clash along the border with Syria, ' +
  'the latest in a series of armed incursions this year.\n\n' +
  'On January 28, 2024, construction was completed on a new wall near the crossing, officials said.\n';

describe('proposeMetadata: headers', () => {
  it('skips a two-word section label and a caption with a bracketed photo credit', () => {
    const text = `World News\n\nSmoke rises over the border crossing at Nassib, on March 3. [Delil Souleiman/AFP]\n\nJordan hits drug smugglers inside Syria\n\n${body}`;
    expect(proposeMetadata(text).title).toBe('Jordan hits drug smugglers inside Syria');
  });

  it('skips a descriptive caption above the headline, but takes such a line when it is the only headline', () => {
    const caption = 'A soldier guarding a checkpoint near the border';
    expect(proposeMetadata(`${caption}\n\nJordan Hits Smugglers\n\n${body}`).title).toBe('Jordan Hits Smugglers');
    expect(proposeMetadata(`${caption}\n\n${body}`).title).toBe(caption);
  });

  it('never takes a long first paragraph, or a lone section label, as the title', () => {
    expect(proposeMetadata(body).title).toBeNull();
    expect(proposeMetadata(`Security\n\n${body}`).title).toBeNull();
  });

  it('reads a byline with a date after the separator', () => {
    const got = proposeMetadata(`Jordan hits smugglers\n\nBy Jane Doe | January 28, 2024\n\n${body}`);
    expect(got).toMatchObject({ author: 'Jane Doe', published: '2024-01-28', publishedText: 'January 28, 2024' });
  });

  it('reads a byline with an outlet after the separator', () => {
    expect(proposeMetadata(`Jordan hits smugglers\n\nBy Anas al-Bar | Al-Fassel\n\n${body}`)).toMatchObject({
      author: 'Anas al-Bar',
      outlet: 'Al-Fassel',
    });
  });

  it('reads an Arabic byline', () => {
    expect(proposeMetadata(`العراق يحصن حدوده مع سوريا\n\nبقلم: أنس البر\n\n${body}`)).toMatchObject({
      title: 'العراق يحصن حدوده مع سوريا',
      author: 'أنس البر',
    });
  });

  it('takes a wire credit at the end: the reporter, not the editor; an agency is also the outlet', () => {
    const reuters = proposeMetadata(`Jordan hits smugglers\n\n${body}\n(Reporting by Suleiman Al-Khalidi in Amman; Editing by Alex Richardson)\n`);
    expect(reuters).toMatchObject({ author: 'Suleiman Al-Khalidi', outlet: null });
    const afp = proposeMetadata(`Jordan hits smugglers\n\n${body}\nReport by AFP\n\nMore News\n`);
    expect(afp).toMatchObject({ author: 'AFP', outlet: 'AFP' });
  });
});

describe('proposeMetadata: dates', () => {
  it.each([
    ['Tuesday, 12/19/2023', '2023-12-19'],
    ['January 28, 2024', '2024-01-28'],
    ['28 January 2024', '2024-01-28'],
    ['2024-01-28', '2024-01-28'],
    ['Jan. 28, 2024', '2024-01-28'],
    ['March 2023', '2023-03'],
    ['2023', '2023'],
  ])('a header line "%s" is the date %s', (line, iso) => {
    expect(proposeMetadata(`Jordan hits smugglers\n\n${line}\n\n${body}`)).toMatchObject({ published: iso, publishedText: line });
  });

  it('never takes a date from the body', () => {
    expect(proposeMetadata(`Jordan hits smugglers\n\n${body}`).published).toBeNull();
    expect(proposeMetadata(`Jordan hits smugglers\n\n${body}\n2023\n\nMore text follows here, a full sentence of the body.\n`).published).toBeNull();
  });

  it('takes a "Published" line anywhere, and an "Updated" one only when there is nothing better', () => {
    const both = `Jordan hits smugglers\n\n${body}\nUpdated Jan. 29, 2024 10:12 GMT\nPublished: 28 January 2024\n`;
    expect(proposeMetadata(both)).toMatchObject({ published: '2024-01-28', publishedText: '28 January 2024' });
    expect(proposeMetadata(`Jordan hits smugglers\n\n${body}\nUpdated Jan. 29, 2024\n`).published).toBe('2024-01-29');
  });
});

describe('proposeMetadata: the outlet the sources speak to', () => {
  it('is the medium named repeatedly, and more than any other', () => {
    const text = `Border fears grow\n\n${body}\nA resident told Al-Fassel the trucks came at night.\n\nAnother resident, speaking to Al-Fassel, agreed.\n\nAn official told Al-Mada newspaper otherwise.\n`;
    expect(proposeMetadata(text).outlet).toBe('Al-Fassel');
  });

  it('is nobody when each medium is named once (quotes relayed from other outlets)', () => {
    const text = `${body}\nThe spokesman told state-owned Al Mamlaka TV the war was on.\n\nThe general told Al-Glad newspaper more.\n\nHe also told Al-Rai the same.\n`;
    expect(proposeMetadata(text).outlet).toBeNull();
  });
});
