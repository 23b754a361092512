import { describe, expect, it } from 'vitest';
import { anchor, anchorAll, makeSelector, type AnchorResult, type TextSpanSelector } from '../../../shared/anchoring/index.ts';
import { loadCorpus } from './corpus.ts';

const docs = loadCorpus();
const bySource = (prefix: string) => {
  const found = docs.find((d) => d.script.source.startsWith(prefix));
  if (found === undefined) throw new Error(`no ${prefix}`);
  return found;
};
const r000 = bySource('000');
const r001 = bySource('001');
const r002 = bySource('002');

function claim(doc: ReturnType<typeof bySource>, id: string) {
  const found = doc.claims.find((c) => c.id === id);
  if (found === undefined) throw new Error(`no ${id}`);
  return found;
}

/** The text a result points at, or the orphan's reason. */
function found(text: string, result: AnchorResult): string {
  return result.state === 'anchored' ? text.slice(result.start, result.end) : `orphaned: ${result.reason}`;
}

/** `text` with the `occurrence`-th (1-based) `from` replaced by `to`. */
function replaceNth(text: string, from: string, to: string, occurrence = 1): string {
  let at = -1;
  for (let n = 0; n < occurrence; n++) at = text.indexOf(from, at + 1);
  if (at === -1) throw new Error(`no ${from}`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

describe('anchor: position, then the exact quote', () => {
  it('keeps a span whose text is unchanged at its place', () => {
    const c1 = claim(r000, 'c1');
    expect(anchor(r000.text, makeSelector(r000.text, c1.start, c1.end))).toEqual({
      state: 'anchored',
      start: 27,
      end: 227,
      moved: false,
      match: 'position',
    });
  });

  it('follows the quote when text is inserted before it', () => {
    const c1 = claim(r000, 'c1');
    const selector = makeSelector(r000.text, c1.start, c1.end);
    const text = `Breaking:\n\n${r000.text}`;
    expect(anchor(text, selector)).toEqual({ state: 'anchored', start: 38, end: 238, moved: true, match: 'exact' });
  });

  it('tells duplicated photo captions apart by their context', () => {
    const caption = claim(r002, 'c2').exact;
    const first = r002.text.indexOf(caption);
    const second = r002.text.indexOf(caption, first + 1);
    const text = `Note.\n\n${r002.text}`;
    const a = anchor(text, makeSelector(r002.text, first, first + caption.length));
    const b = anchor(text, makeSelector(r002.text, second, second + caption.length));
    expect(a).toMatchObject({ state: 'anchored', start: first + 7, moved: true, match: 'exact' });
    expect(b).toMatchObject({ state: 'anchored', start: second + 7, moved: true, match: 'exact' });
  });

  it('picks the occurrence nearest the expected position when contexts are identical', () => {
    const original = 'The army said it. '.repeat(10);
    const fifth = 4 * 18 + 4;
    const selector = makeSelector(original, fifth, fifth + 4);
    const text = `Inserted. ${original}`;
    // Alone, the nearest to the saved start is the fourth copy (8 units before it, the fifth is 10 after):
    expect(anchor(text, selector)).toMatchObject({ start: fifth - 8 });
    // With the shift known (anchorAll passes it), the fifth.
    expect(anchor(text, selector, { expectedStart: fifth + 10 })).toMatchObject({ start: fifth + 10 });
  });

  it('finds a span whose saved offsets are unusable by its quote', () => {
    const selector: TextSpanSelector = { ...makeSelector(r000.text, 27, 227), start: Number.NaN, end: Number.NaN };
    expect(anchor(r000.text, selector)).toEqual({ state: 'anchored', start: 27, end: 227, moved: true, match: 'exact' });
  });

  it('anchors a long quote whose surroundings were both rewritten', () => {
    const c7 = claim(r000, 'c7');
    const selector = makeSelector(r000.text, c7.start, c7.end);
    const text = r000.text
      .replace('the start of the year. They', 'January, and they said. They')
      .replace('southern Syria.\n\nJordan is', 'southern Syria, officials added.\n\nIt is');
    const result = anchor(text, selector);
    expect(found(text, result)).toBe(c7.exact);
    expect(result).toMatchObject({ moved: true, match: 'exact' });
  });
});

describe('anchor: short quotes need their context', () => {
  it('orphans a replaced word rather than moving it to the same word elsewhere', () => {
    const monday = r001.text.indexOf('Monday');
    const selector = makeSelector(r001.text, monday, monday + 6);
    const text = replaceNth(r001.text, 'Monday', 'Tuesday');
    expect(text.indexOf('Monday')).toBe(2717);
    expect(found(text, anchor(text, selector))).toBe(
      'orphaned: The closest match, "Monday" at 2717–2723, has the same text but not the same surroundings: ' +
        'the text before it is 0% alike and the text after it 0%, so 16% of the saved evidence agrees (50% needed).',
    );
  });

  it('orphans a unique short quote whose sentence was rewritten around it', () => {
    const sunday = r000.text.indexOf('Sunday');
    const selector = makeSelector(r000.text, sunday, sunday + 6);
    const text = r000.text.replace(
      'four smugglers were killed by the army on Sunday in the latest showdown',
      'the army said on Sunday it had won the latest showdown',
    );
    const result = anchor(text, selector);
    expect(result.state).toBe('orphaned');
    expect(found(text, result)).toContain('"Sunday" at 768–774, has the same text but not the same surroundings');
  });

  it('follows a lightly edited short quote by its context', () => {
    const at = r001.text.indexOf("Jordan's army foiled");
    const selector = makeSelector(r001.text, at, at + 6);
    const text = r001.text.replace("Jordan's army foiled", "Jordon's army foiled");
    expect(anchor(text, selector)).toEqual({ state: 'anchored', start: at, end: at + 6, moved: false, match: 'fuzzy' });
    expect(found(`Note.\n${text}`, anchor(`Note.\n${text}`, selector))).toBe('Jordon');
  });

  it('orphans a span with an empty quote', () => {
    expect(anchor('text', { start: 0, end: 0, exact: '', prefix: '', suffix: '' })).toEqual({
      state: 'orphaned',
      reason: 'The span has no quote to look for (its text is empty).',
    });
  });
});

/**
 * A text far bigger than a report: deterministic filler words, with report 002 in the middle. The
 * filler has no sentence of the report in it, so a long claim has one true place.
 */
function bigText(fillerWords: number, seed: number): string {
  const words = ['border', 'militia', 'the', 'of', 'trade', 'report', 'said', 'in', 'security', 'a', 'drug', 'and'];
  let state = seed;
  const out: string[] = [];
  for (let i = 0; i < fillerWords; i++) {
    state = (state * 1103515245 + 12345) % 2147483648;
    out.push(words[state % words.length] ?? 'x');
  }
  return out.join(' ');
}

describe('anchor: long quotes in a large text (probe search)', () => {
  const c19 = claim(r002, 'c19'); // 221 units
  const before = bigText(40_000, 7); // ~240 KB
  const after = bigText(40_000, 11);
  const original = `${before}\n\n${r002.text}\n\n${after}`;
  const start = before.length + 2 + c19.start;
  const selector = makeSelector(original, start, start + c19.exact.length);

  it('anchors a claim edited at its head, near its old place', () => {
    const edited = c19.exact.replace('Iran-backed Kataib Hizbullah', 'Iranian-supported Kataib Hezbollah');
    const text = original.replace(c19.exact, edited);
    const result = anchor(text, selector);
    expect(found(text, result)).toBe(edited);
    // Same start, new end: a span no longer at its saved offsets counts as moved.
    expect(result).toEqual({ state: 'anchored', start, end: start + edited.length, moved: true, match: 'fuzzy' });
  });

  it('anchors a claim edited at its head and tail after 100,000 units were inserted before it', () => {
    const edited = c19.exact
      .replace('Iran-backed Kataib', 'Iran-aligned Kataib')
      .replace('border town of al-Hari', 'border town of Al-Hari');
    const text = `${bigText(16_000, 3)}\n\n${original.replace(c19.exact, edited)}`;
    const result = anchor(text, selector);
    expect(found(text, result)).toBe(edited);
    expect(result).toMatchObject({ state: 'anchored', moved: true, match: 'fuzzy' });
  });

  it('orphans the claim when it is gone, and says how hard it looked', () => {
    const text = original.replace(`${c19.exact}, he said.`, '');
    expect(found(text, anchor(text, selector))).toBe(
      'orphaned: The quote "Iran-backed Kataib Hizbullah, which is w…" is no longer in the text, ' +
        'not even with up to 55 characters changed.',
    );
  });
});

describe('anchor: emoji, combining marks, Arabic', () => {
  const post = 'Amman 🇯🇴: Great 👍🏽 news from the border, says the army 👨‍👩‍👧 and cafe\u0301 owners.';

  it('follows a span over emoji when text is inserted before it', () => {
    const at = post.indexOf('Great');
    const selector = makeSelector(post, at, post.indexOf(' from'));
    const text = `🚨 Update 🚨\n${post}`;
    expect(found(text, anchor(text, selector))).toBe('Great 👍🏽 news');
    expect(anchor(text, selector)).toMatchObject({ start: at + 13, moved: true, match: 'exact' });
  });

  it('never ends a fuzzy match inside an emoji or before a combining mark', () => {
    const at = post.indexOf('Great');
    const selector = makeSelector(post, at, post.indexOf(' news'));
    // The skin tone changed (🏽 → 🏾): only the low surrogate differs.
    const toned = post.replace('👍🏽', '👍🏾');
    expect(found(toned, anchor(toned, selector))).toBe('Great 👍🏾');
    // A quote made on text without the accent, which the new text has on the quote's last letter.
    const plain = post.replace('cafe\u0301', 'cafe');
    const from = plain.indexOf('the army');
    const family = makeSelector(plain, from, plain.indexOf(' owners'));
    expect(family.exact).toBe('the army 👨‍👩‍👧 and cafe');
    const edited = post.replace('the army', 'the armed');
    expect(found(edited, anchor(edited, family))).toBe('the armed 👨‍👩‍👧 and cafe\u0301');
  });

  it('takes in a combining mark added right after a quote that still matches exactly', () => {
    const plain = post.replace('cafe\u0301', 'cafe');
    const from = plain.indexOf('and cafe');
    const selector = makeSelector(plain, from, from + 8);
    expect(anchor(post, selector)).toEqual({ state: 'anchored', start: from, end: from + 9, moved: true, match: 'fuzzy' });
    // A span that was made cutting the mark off on purpose is left as it was.
    const cut = makeSelector(post, from, from + 8);
    expect(anchor(post, cut)).toEqual({ state: 'anchored', start: from, end: from + 8, moved: false, match: 'position' });
  });

  it('takes in harakat added to an Arabic quote', () => {
    const arabic = bySource('arabic').text;
    const at = arabic.indexOf('يقع في قبضة');
    const selector = makeSelector(arabic, at, at + 'يقع في قبضة'.length);
    const kasra = arabic.replace('يقع في قبضة مفارز', 'يقع في قبضةِ مفارز');
    expect(found(kasra, anchor(kasra, selector))).toBe('يقع في قبضةِ');
    expect(anchor(kasra, selector)).toMatchObject({ start: at, match: 'fuzzy' });
    const voweled = arabic.replace('يقع في قبضة مفارز', 'يَقع في قبضةِ مفارز');
    expect(found(voweled, anchor(voweled, selector))).toBe('يَقع في قبضةِ');
  });
});

describe('anchorAll', () => {
  it('anchors spans in text order with the shift of the spans before, and answers in the given order', () => {
    const original = 'The army said it. '.repeat(10);
    const selectors = [7, 2, 5, 0].map((n) => makeSelector(original, n * 18 + 4, n * 18 + 8));
    const text = `Inserted. ${original}`;
    const results = anchorAll(text, selectors);
    expect(results.map((r) => (r.state === 'anchored' ? r.start : -1))).toEqual([140, 50, 104, 14]);
    expect(results.every((r) => r.state === 'anchored' && r.moved && text.slice(r.start, r.end) === 'army')).toBe(true);
  });

  it('gives the same answers as anchor for the reference claims of a changed report', () => {
    const selectors = r000.claims.map((c) => makeSelector(r000.text, c.start, c.end));
    expect(anchorAll(r000.changed, selectors)).toEqual(selectors.map((s) => anchor(r000.changed, s)));
  });
});
