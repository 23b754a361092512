/**
 * Offsets in UTF-16 code units (what spans store, what the DOM uses) ↔ offsets in Unicode code points
 * (what a W3C Web Annotation `TextPositionSelector` counts). Export converts one way, import the other;
 * the round trip is exact for every offset that does not fall inside a surrogate pair.
 *
 * Only astral characters (emoji, some CJK, mathematical letters) differ: one code point, two units.
 * Arabic, harakat, combining marks (`e\u0301` is two code points and two units) and joiners (ZWJ
 * sequences are several code points) count the same in both, so they need no special case; a flag
 * (🇯🇴) or a skin-toned emoji (👍🏽) is two astral code points, four units.
 *
 * A lone surrogate (malformed text) counts as one code point, as JavaScript's string iterator and
 * `codePointAt` count it, so offsets around it still round-trip.
 *
 * Pure: no node:*, no DOM.
 */
import { AnchorError } from './anchor-error.ts';

export function isHighSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}

export function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}

/** True when `offset` falls between the two halves of a surrogate pair (so it splits one character). */
export function splitsSurrogatePair(text: string, offset: number): boolean {
  return (
    offset > 0 &&
    offset < text.length &&
    isLowSurrogate(text.charCodeAt(offset)) &&
    isHighSurrogate(text.charCodeAt(offset - 1))
  );
}

function checkUtf16Offset(text: string, offset: number): void {
  if (!Number.isInteger(offset) || offset < 0 || offset > text.length) {
    throw new AnchorError(
      'OUT_OF_RANGE',
      `Offset ${offset} is outside the text, which is ${text.length} UTF-16 units long.`,
    );
  }
  if (splitsSurrogatePair(text, offset)) {
    throw new AnchorError(
      'SPLITS_CHARACTER',
      `Offset ${offset} falls inside a character made of two UTF-16 units (an emoji or other ` +
        `character outside the Basic Multilingual Plane), so it has no code point offset.`,
    );
  }
}

function codePointRangeError(cpOffset: number, length: number): AnchorError {
  return new AnchorError(
    'OUT_OF_RANGE',
    `Code point offset ${cpOffset} is outside the text, which is ${length} code points long.`,
  );
}

/** The number of code points before UTF-16 offset `offset`. O(offset); see `makeOffsetConverter` for many. */
export function utf16ToCodePoints(text: string, offset: number): number {
  checkUtf16Offset(text, offset);
  let pairs = 0;
  for (let i = 0; i < offset - 1; i++) {
    if (isHighSurrogate(text.charCodeAt(i)) && isLowSurrogate(text.charCodeAt(i + 1))) {
      pairs++;
      i++;
    }
  }
  return offset - pairs;
}

/** The UTF-16 offset of code point offset `cpOffset`. O(cpOffset); see `makeOffsetConverter` for many. */
export function codePointsToUtf16(text: string, cpOffset: number): number {
  if (!Number.isInteger(cpOffset) || cpOffset < 0) throw codePointRangeError(cpOffset, countCodePoints(text));
  let unit = 0;
  for (let cp = 0; cp < cpOffset; cp++) {
    if (unit >= text.length) throw codePointRangeError(cpOffset, countCodePoints(text));
    const pair = isHighSurrogate(text.charCodeAt(unit)) && isLowSurrogate(text.charCodeAt(unit + 1));
    unit += pair ? 2 : 1;
  }
  return unit;
}

function countCodePoints(text: string): number {
  return text.length - findPairStarts(text).length;
}

/** UTF-16 offsets where a well-formed surrogate pair starts, ascending: one native regex scan. */
function findPairStarts(text: string): Uint32Array {
  const starts: number[] = [];
  const pair = /[\uD800-\uDBFF][\uDC00-\uDFFF]/g;
  for (let m = pair.exec(text); m !== null; m = pair.exec(text)) starts.push(m.index);
  return Uint32Array.from(starts);
}

export interface OffsetConverter {
  /** Length of the text in UTF-16 units. */
  readonly utf16Length: number;
  /** Length of the text in code points. */
  readonly codePointLength: number;
  toCodePoints(offset: number): number;
  toUtf16(cpOffset: number): number;
}

/**
 * A converter for many offsets of one text (a W3C export of thousands of spans): the surrogate pairs
 * are found once, each lookup is a binary search, O(log p) for p pairs. Text without astral
 * characters (most news text) has no pairs, and every lookup is the identity.
 *
 * With pairs starting at UTF-16 offsets s[0] < s[1] < …, pair i starts at code point s[i] − i, and
 * those code point starts are strictly increasing too, so both directions search a sorted array.
 */
export function makeOffsetConverter(text: string): OffsetConverter {
  const pairStarts = findPairStarts(text);
  const codePointLength = text.length - pairStarts.length;

  /** How many entries of the sorted sequence `key(0), key(1), …` are < `value`. */
  const countBelow = (value: number, key: (i: number) => number): number => {
    let lo = 0;
    let hi = pairStarts.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (key(mid) < value) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const unitStart = (i: number): number => pairStarts[i] ?? 0;
  const codePointStart = (i: number): number => (pairStarts[i] ?? 0) - i;

  return {
    utf16Length: text.length,
    codePointLength,
    toCodePoints(offset: number): number {
      checkUtf16Offset(text, offset);
      // Pairs starting before `offset` end at or before it (the offset splits none, checked above).
      return offset - countBelow(offset, unitStart);
    },
    toUtf16(cpOffset: number): number {
      if (!Number.isInteger(cpOffset) || cpOffset < 0 || cpOffset > codePointLength) {
        throw codePointRangeError(cpOffset, codePointLength);
      }
      // Every pair starting before this code point adds one extra unit.
      return cpOffset + countBelow(cpOffset, codePointStart);
    },
  };
}
