/**
 * A deterministic synthetic news corpus for benchmarks.
 *
 * The vocabulary starts with the real words of the sample corpus (tests/fixtures/corpus/*.txt,
 * lowercased FTS tokens, most frequent first, so "the" is rank 1) and is extended with made-up but
 * pronounceable words to `vocabulary` types. Word ranks are drawn from a Zipf distribution
 * (P(rank r) ∝ r^-s) through a precomputed CDF and a binary search: with s ≈ 1.07 and 50k types, a
 * handful of words are in nearly every document and most of the vocabulary is in well under 1% of
 * them, which is the shape of real news text and what makes "typical term" meaningful.
 *
 * A document is a title line, a blank line, and paragraphs of sentences (first word capitalised,
 * words that the sample corpus writes capitalised kept so, commas, full stops), cut at the first
 * sentence past a length drawn uniformly from ±30% of `targetBytes`. One document in `arabicEvery`
 * also carries a paragraph of real Arabic from the sample corpus (harakat, shadda, tanwin) so that
 * the Arabic folding path of import and search is exercised.
 *
 * Everything comes from one seeded PRNG (mulberry32): the same options give the same bytes.
 * Document frequencies (how many documents contain each word, title or body) are counted while
 * generating, so query terms can be chosen by how selective they are without indexing anything.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { foldForIndex, indexTokenPattern } from '../shared/text/fold.ts';

export const FIXTURES_DIR = fileURLToPath(new URL('../tests/fixtures/corpus/', import.meta.url));
const ARABIC_FILE = path.join(FIXTURES_DIR, 'arabic', 'naya_foriraq-captagon.txt');

export interface CorpusOptions {
  docs: number;
  seed: number;
  /** Mean size of a document in UTF-8 bytes (default 3000). */
  targetBytes?: number;
  /** Word types in all, real ones included (default 50,000). */
  vocabulary?: number;
  /** Zipf exponent (default 1.07). */
  zipfS?: number;
  /** One document in this many gets an Arabic paragraph (default 2000). */
  arabicEvery?: number;
}

export interface CorpusFile {
  name: string;
  data: Uint8Array<ArrayBuffer>;
}

export interface Corpus {
  files: CorpusFile[];
  totalBytes: number;
  /** Lowercase FTS tokens by rank (index 0 is the most frequent). */
  words: string[];
  /** How many of `words` come from the sample corpus; the rest are made up. */
  realWords: number;
  /** Documents containing each word (by rank), title or body. */
  df: Uint32Array;
  /** Three-word sequences that occur in the corpus (for phrase queries), lowercase. */
  phrases: string[];
  /** The Arabic paragraph of each document that has one. */
  arabicParagraphs: string[];
  generationMs: number;
}

/** mulberry32: a tiny, fast, well-mixed 32-bit PRNG; returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Samples ranks 0..n-1 with P(r) ∝ (r+1)^-s: a CDF built once, then a binary search per draw. A
 * guide table (the first rank of each of 2^16 equal slices of [0, 1)) narrows each search to a few
 * steps; without it, 50 million draws over a 400 KB CDF spend most of their time in cache misses.
 */
export function zipfSampler(n: number, s: number, rng: () => number): () => number {
  const cdf = new Float64Array(n);
  let sum = 0;
  for (let r = 0; r < n; r++) {
    sum += Math.pow(r + 1, -s);
    cdf[r] = sum;
  }
  for (let r = 0; r < n; r++) cdf[r] = (cdf[r] ?? 0) / sum;
  cdf[n - 1] = 1;
  const SLICES = 1 << 16;
  const guide = new Uint32Array(SLICES + 1);
  for (let b = 0, r = 0; b <= SLICES; b++) {
    while (r < n - 1 && (cdf[r] ?? 1) < b / SLICES) r++;
    guide[b] = r;
  }
  return () => {
    const u = rng();
    const b = Math.floor(u * SLICES);
    let lo = guide[b] ?? 0;
    let hi = guide[b + 1] ?? n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((cdf[mid] ?? 1) < u) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

interface RealWord {
  word: string;
  count: number;
  capitalised: number;
}

/**
 * The real words of the sample corpus, most frequent first, each with the form to display: the
 * capitalised form when the corpus writes it so more often than not ("Jordan", "Hezbollah").
 * Only plain ASCII tokens are kept, so each word is exactly one token that no tokenizer folds into
 * another (`unicode61 remove_diacritics 2` would merge "é" and "e" and blur the counts).
 */
function realWords(): RealWord[] {
  const counts = new Map<string, RealWord>();
  for (const name of fs.readdirSync(FIXTURES_DIR).filter((f) => f.endsWith('.txt')).sort()) {
    const text = fs.readFileSync(path.join(FIXTURES_DIR, name), 'utf8');
    for (const [token] of text.matchAll(indexTokenPattern())) {
      const word = token.toLowerCase();
      if (!/^[a-z0-9]+$/.test(word) || (word.length < 2 && word !== 'a')) continue;
      const entry = counts.get(word) ?? { word, count: 0, capitalised: 0 };
      entry.count++;
      if (token[0] !== word[0]) entry.capitalised++;
      counts.set(word, entry);
    }
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || (a.word < b.word ? -1 : 1));
}

const ONSETS = ['b', 'c', 'd', 'f', 'g', 'h', 'j', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'w', 'z', 'br', 'ch', 'cr', 'dr', 'gr', 'kh', 'pl', 'pr', 'sh', 'st', 'th', 'tr'];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'a', 'e', 'i', 'ai', 'ea', 'ou', 'io'];
const CODAS = ['', '', '', 'n', 'r', 's', 'l', 'm', 't', 'nd', 'st', 'rk'];

/** Made-up words of two or three syllables, none equal to a real word or to each other. */
function syntheticWords(count: number, taken: Set<string>, rng: () => number): string[] {
  const pick = (list: readonly string[]): string => list[Math.floor(rng() * list.length)] ?? '';
  const out: string[] = [];
  while (out.length < count) {
    const syllables = rng() < 0.6 ? 2 : 3;
    let w = '';
    for (let i = 0; i < syllables; i++) w += pick(ONSETS) + pick(VOWELS) + (i === syllables - 1 ? pick(CODAS) : '');
    if (taken.has(w)) continue;
    taken.add(w);
    out.push(w);
  }
  return out;
}

function arabicLines(): string[] {
  return fs
    .readFileSync(ARABIC_FILE, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0 && !l.endsWith(':'));
}

export function generateCorpus(options: CorpusOptions): Corpus {
  const start = performance.now();
  const { docs, seed, targetBytes = 3000, vocabulary = 50_000, zipfS = 1.07, arabicEvery = 2000 } = options;
  const rng = mulberry32(seed);

  const real = realWords().slice(0, vocabulary);
  const words = real.map((r) => r.word);
  words.push(...syntheticWords(vocabulary - words.length, new Set(words), rng));
  const V = words.length;
  const display = words.map((w, r) => {
    const info = real[r];
    return info && info.capitalised * 2 > info.count ? capitalise(w) : w;
  });
  const sentenceStart = display.map(capitalise);
  const draw = zipfSampler(V, zipfS, rng);
  const arabic = arabicLines();

  const df = new Uint32Array(V);
  const lastSeen = new Int32Array(V).fill(-1);
  const files: CorpusFile[] = [];
  const phrases: string[] = [];
  const arabicParagraphs: string[] = [];
  const phraseEvery = Math.max(1, Math.floor(docs / 8));
  const encoder = new TextEncoder();
  let totalBytes = 0;

  const count = (d: number, r: number): void => {
    if (lastSeen[r] !== d) {
      lastSeen[r] = d;
      df[r] = (df[r] ?? 0) + 1;
    }
  };

  for (let d = 0; d < docs; d++) {
    const limit = targetBytes * (0.7 + 0.6 * rng());
    const titleLength = 6 + Math.floor(rng() * 7);
    const title: string[] = [];
    for (let i = 0; i < titleLength; i++) {
      const r = draw();
      count(d, r);
      title.push(i === 0 ? (sentenceStart[r] ?? '') : (display[r] ?? ''));
    }
    let length = title.join(' ').length + 2;
    const paragraphs: string[] = [];
    let paragraph: string[] = [];
    let sentencesLeft = 2 + Math.floor(rng() * 4);
    for (;;) {
      const n = 8 + Math.floor(rng() * 21);
      const ranks: number[] = [];
      let sentence = '';
      for (let i = 0; i < n; i++) {
        const r = draw();
        ranks.push(r);
        sentence += i === 0 ? (sentenceStart[r] ?? '') : ` ${display[r] ?? ''}`;
        if (i < n - 1 && i > 1 && rng() < 0.08) sentence += ',';
      }
      sentence += '.';
      // Keep the sentence if at least half of it fits: the mean size then lands on the target.
      const hasBody = paragraphs.length > 0 || paragraph.length > 0;
      if (hasBody && length + sentence.length / 2 > limit) break;
      for (const r of ranks) count(d, r);
      if (d % phraseEvery === 0 && paragraphs.length === 1 && paragraph.length === 0) {
        phrases.push(ranks.slice(2, 5).map((r) => words[r]).join(' '));
      }
      paragraph.push(sentence);
      length += sentence.length + 1;
      if (--sentencesLeft === 0) {
        paragraphs.push(paragraph.join(' '));
        paragraph = [];
        sentencesLeft = 2 + Math.floor(rng() * 4);
        length += 1;
      }
    }
    if (paragraph.length > 0) paragraphs.push(paragraph.join(' '));
    if (arabicEvery > 0 && d % arabicEvery === Math.floor(arabicEvery / 2) && arabic.length > 1) {
      const at = Math.floor(rng() * (arabic.length - 1));
      const para = `${arabic[at]} ${arabic[at + 1]}`;
      arabicParagraphs.push(para);
      paragraphs.splice(1, 0, para);
    }
    const text = `${title.join(' ')}\n\n${paragraphs.join('\n\n')}\n`;
    const data = encoder.encode(text);
    totalBytes += data.byteLength;
    files.push({ name: `news-${String(d).padStart(6, '0')}.txt`, data });
  }
  return { files, totalBytes, words, realWords: real.length, df, phrases, arabicParagraphs, generationMs: performance.now() - start };
}

function capitalise(w: string): string {
  return w.length > 0 ? w[0]!.toUpperCase() + w.slice(1) : w;
}

export interface ChosenTerm {
  term: string;
  df: number;
}

export interface TermChoice {
  typical: ChosenTerm[];
  /** Terms with the same selectivity as `typical`, never measured: for warming up. */
  warmup: ChosenTerm[];
  common: ChosenTerm[];
  /** The df range (documents) of all candidates and of the chosen typical terms. */
  typicalCandidates: number;
  typicalDfRange: [number, number];
  commonDfRange: [number, number];
}

/**
 * Query terms by document frequency: `typical` ones with df in (lo, hi] (fractions of the corpus),
 * evenly spaced through the candidates sorted by df (so their selectivity is spread like the
 * vocabulary's, not bunched at one end), warm-up terms from between them, and common ones with df ≥
 * `commonMin`. Terms of one or two letters are left out: they are not what people search for.
 */
export function chooseTerms(
  corpus: Corpus,
  options: { typical: number; warmup: number; lo: number; hi: number; commonMin: number; commonMax: number },
): TermChoice {
  const docs = corpus.files.length;
  const all = corpus.words.map((term, r) => ({ term, df: corpus.df[r] ?? 0 })).filter((t) => t.term.length >= 3);
  const candidates = all.filter((t) => t.df > options.lo * docs && t.df <= options.hi * docs).sort((a, b) => a.df - b.df || (a.term < b.term ? -1 : 1));
  const want = Math.min(candidates.length, options.typical + options.warmup);
  const spaced: ChosenTerm[] = [];
  for (let i = 0; i < want; i++) {
    const c = candidates[Math.floor(((i + 0.5) * candidates.length) / want)];
    if (c) spaced.push(c);
  }
  // Every (typical+warmup)/warmup-th spaced term warms up; the rest are measured.
  const stride = options.warmup > 0 ? Math.max(2, Math.floor(want / options.warmup)) : Number.POSITIVE_INFINITY;
  const warmup = spaced.filter((_, i) => i % stride === stride - 1).slice(0, options.warmup);
  const typical = spaced.filter((t) => !warmup.includes(t)).slice(0, options.typical);
  const common = all.filter((t) => t.df >= options.commonMin * docs).sort((a, b) => b.df - a.df).slice(0, options.commonMax);
  const range = (ts: ChosenTerm[]): [number, number] => [Math.min(...ts.map((t) => t.df)), Math.max(...ts.map((t) => t.df))];
  return {
    typical,
    warmup,
    common,
    typicalCandidates: candidates.length,
    typicalDfRange: typical.length > 0 ? range(typical) : [0, 0],
    commonDfRange: common.length > 0 ? range(common) : [0, 0],
  };
}

/** How many of the corpus's Arabic paragraphs contain `term` once both are folded as the index folds. */
export function arabicExpected(corpus: Corpus, term: string): number {
  const want = foldForIndex(term.normalize('NFC')).toLowerCase();
  return corpus.arabicParagraphs.filter((p) => (foldForIndex(p).toLowerCase().match(indexTokenPattern()) ?? ([] as string[])).includes(want)).length;
}
