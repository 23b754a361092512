/**
 * What a person types into the search box, turned into a safe FTS5 MATCH expression.
 *
 * The rule that keeps FTS5 from ever seeing raw syntax: every word and every phrase reaches FTS5 as a
 * double-quoted string made of our own tokens (letters and digits only, see `indexTokenPattern`), and
 * every operator and parenthesis in the output is one we wrote. So `title:x`, `NEAR(`, `^`, `-`, `:`,
 * lowercase `or`, SQL text and stray quotes are searched as words or dropped, never interpreted.
 *
 * The language, for people:
 * - words are ANDed: `captagon jordan`; `AND` may be written but is the default;
 * - `"drugs war"` (also with “smart quotes”) is a phrase;
 * - `Hezbollah OR Hizbullah` (uppercase OR) matches either;
 * - `NOT word` or `-word` excludes; there must be something left to look for;
 * - `captag*` is a prefix search (at least 2 characters: one letter would match most of the vocabulary);
 * - parentheses group: `captagon (Hezbollah OR Hizbullah)`. Unbalanced ones are ignored as
 *   punctuation, because half-typed input is normal in a search box.
 *
 * Precedence: OR binds tighter than AND, as in web search engines: `captagon Hezbollah OR Hizbullah`
 * means captagon AND (Hezbollah OR Hizbullah), which is what an analyst typing an alias pair means.
 * (FTS5's own precedence is the reverse; the output is fully parenthesised, so it never matters.)
 *
 * Terms are NFC-normalised, folded with `foldForIndex` (as the index is) and lowercased. A word with
 * several tokens (`al-Assad's`) becomes a phrase of its tokens, which is what FTS5 does with a quoted
 * string. A word with no tokens (punctuation) is dropped.
 */
import { DomainError } from '../errors.ts';
import { foldForIndex, indexTokenPattern } from '../../../shared/text/fold.ts';

export interface QueryTerm {
  /** Folded, lowercased tokens joined by single spaces. */
  text: string;
  /** Prefix search on the last token (`word*`). */
  prefix: boolean;
  /** Written in quotation marks. */
  phrase: boolean;
  /** Excluded (`NOT word`, `-word`). */
  negated: boolean;
}

export interface ParsedQuery {
  /** The FTS5 MATCH expression. */
  fts: string;
  /** Every term, in the order typed, excluded ones included (marked `negated`). */
  terms: QueryTerm[];
}

export const MAX_TERMS = 64;
export const MAX_TOKENS = 256;
export const MAX_DEPTH = 8;
/**
 * The shortest prefix searched for. The index has no prefix index (migration 0002): FTS5 reads the
 * entries of every term that starts with the prefix, and one letter would mean most of the vocabulary.
 */
export const MIN_PREFIX = 2;

/**
 * Parses a search as typed. Throws `DomainError` with code `EMPTY_QUERY` (nothing to look for),
 * `QUERY_TOO_LONG` (more than MAX_TERMS terms or MAX_TOKENS tokens) or `QUERY_SYNTAX`. Errors other
 * than EMPTY_QUERY have `details.position`: the 0-based UTF-16 offset in `input` of the offending
 * mark, for placing the caret; the message counts characters from 1, as a person does.
 */
export function parseQuery(input: string, aliases?: ReadonlyMap<string, readonly string[]>): ParsedQuery {
  const lexed = lex(input);
  if (lexed.length === 0) throw empty('Type something to search for.');
  const parser = new Parser(input, balanceParens(input, lexed));
  const reduced = reduce(input, parser.parseAll());
  const tree = reduced && aliases?.size ? expandAliases(reduced, aliases) : reduced;
  if (tree === null) throw empty('There is nothing to search for: the search has no letters or digits.');
  const terms: QueryTerm[] = [];
  collectTerms(tree, false, terms);
  return { fts: emit(tree, true), terms };
}

// ---------------------------------------------------------------------------------------------
// Lexing

type Lexeme =
  | { kind: 'word'; pos: number; raw: string; prefix: boolean; phrase: boolean }
  | { kind: 'OR' | 'AND'; pos: number }
  | { kind: 'NOT'; pos: number; symbol: 'NOT' | '-' }
  | { kind: '(' | ')'; pos: number };

const QUOTES = new Set(['"', '\u201C', '\u201D', '\u201E', '\u201F', '\uFF02']);
/** Whitespace, and the invisible direction marks that pasted right-to-left text often carries. */
const SPACE = /[\s\u061C\u200B\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

function isSpace(ch: string): boolean {
  return SPACE.test(ch);
}

function lex(input: string): Lexeme[] {
  const out: Lexeme[] = [];
  const n = input.length;
  let i = 0;
  while (i < n) {
    const ch = input[i] ?? '';
    if (isSpace(ch)) {
      i++;
    } else if (ch === '(' || ch === ')') {
      out.push({ kind: ch, pos: i });
      i++;
    } else if (QUOTES.has(ch)) {
      let j = i + 1;
      while (j < n && !QUOTES.has(input[j] ?? '')) j++;
      if (j >= n) throw syntax(i, `The quotation mark at position ${column(input, i)} is never closed.`);
      let k = j + 1;
      while (input[k] === '*') k++;
      out.push({ kind: 'word', pos: i, raw: input.slice(i + 1, j), prefix: k > j + 1, phrase: true });
      i = k;
    } else {
      let k = i;
      while (input[k] === '-') k++;
      const next = input[k];
      if (k > i && next !== undefined && !isSpace(next) && next !== ')') {
        out.push({ kind: 'NOT', pos: i, symbol: '-' });
        i = k;
        continue;
      }
      let j = i;
      while (j < n && !isSpace(input[j] ?? '') && !QUOTES.has(input[j] ?? '') && input[j] !== '(' && input[j] !== ')') j++;
      const raw = input.slice(i, j);
      if (raw === 'OR' || raw === 'AND') out.push({ kind: raw, pos: i });
      else if (raw === 'NOT') out.push({ kind: 'NOT', pos: i, symbol: 'NOT' });
      else {
        let end = raw.length;
        while (end > 0 && raw[end - 1] === '*') end--;
        out.push({ kind: 'word', pos: i, raw: raw.slice(0, end), prefix: end < raw.length, phrase: false });
      }
      i = j;
    }
  }
  return out;
}

/** Drops parentheses that have no partner, and refuses nesting deeper than MAX_DEPTH. */
function balanceParens(input: string, lexemes: Lexeme[]): Lexeme[] {
  const unmatched = new Set<number>();
  const open: number[] = [];
  lexemes.forEach((l, index) => {
    if (l.kind === '(') open.push(index);
    else if (l.kind === ')') {
      if (open.pop() === undefined) unmatched.add(index);
    }
  });
  for (const index of open) unmatched.add(index);
  const kept = lexemes.filter((_, index) => !unmatched.has(index));
  let depth = 0;
  for (const l of kept) {
    if (l.kind === '(' && ++depth > MAX_DEPTH) {
      throw syntax(l.pos, `The parentheses at position ${column(input, l.pos)} are nested more than ${MAX_DEPTH} deep.`);
    }
    if (l.kind === ')') depth--;
  }
  return kept;
}

// ---------------------------------------------------------------------------------------------
// Parsing. Grammar (OR tighter than AND):
//   sequence := ( [AND] either )*          children ANDed
//   either   := unary ( OR unary )*
//   unary    := NOT unary | primary
//   primary  := word | phrase | '(' sequence ')'

interface Leaf {
  kind: 'term';
  pos: number;
  tokens: string[];
  prefix: boolean;
  phrase: boolean;
}
type Node =
  | Leaf
  | { kind: 'and'; children: Node[] }
  | { kind: 'or'; pos: number; children: Node[] }
  | { kind: 'not'; pos: number; symbol: 'NOT' | '-'; child: Node };

class Parser {
  private at = 0;
  private termCount = 0;
  private tokenCount = 0;

  constructor(
    private readonly input: string,
    private readonly lexemes: Lexeme[],
  ) {}

  parseAll(): Node {
    return this.sequence();
  }

  private peek(): Lexeme | undefined {
    return this.lexemes[this.at];
  }

  private sequence(): Node {
    const children: Node[] = [];
    let pendingAnd: Lexeme | undefined;
    for (let l = this.peek(); l !== undefined && l.kind !== ')'; l = this.peek()) {
      if (l.kind === 'AND') {
        if (children.length === 0 || pendingAnd) throw this.needsBothSides(l);
        pendingAnd = l;
        this.at++;
        continue;
      }
      if (l.kind === 'OR') throw this.needsBothSides(l);
      children.push(this.either());
      pendingAnd = undefined;
    }
    if (pendingAnd) throw this.needsBothSides(pendingAnd);
    return { kind: 'and', children };
  }

  private either(): Node {
    const first = this.unary();
    const children = [first];
    let orPos = -1;
    for (let l = this.peek(); l?.kind === 'OR'; l = this.peek()) {
      if (orPos < 0) orPos = l.pos;
      this.at++;
      const next = this.peek();
      if (next === undefined || next.kind === ')' || next.kind === 'OR' || next.kind === 'AND') {
        throw this.needsBothSides(l);
      }
      children.push(this.unary());
    }
    return children.length === 1 ? first : { kind: 'or', pos: orPos, children };
  }

  private unary(): Node {
    const l = this.peek();
    if (l?.kind !== 'NOT') return this.primary();
    this.at++;
    const next = this.peek();
    const what = l.symbol === 'NOT' ? 'NOT' : 'The minus sign';
    if (next === undefined || next.kind === ')' || next.kind === 'OR' || next.kind === 'AND') {
      throw syntax(l.pos, `${what} at position ${column(this.input, l.pos)} needs a word after it.`);
    }
    if (next.kind === 'NOT') {
      throw syntax(next.pos, `Two exclusions in a row at position ${column(this.input, next.pos)}; use one NOT (or -) per word.`);
    }
    return { kind: 'not', pos: l.pos, symbol: l.symbol, child: this.primary() };
  }

  private primary(): Node {
    const l = this.peek();
    if (l?.kind === '(') {
      this.at++;
      const inner = this.sequence();
      this.at++; // the matching ')', guaranteed by balanceParens
      return inner;
    }
    if (l?.kind !== 'word') throw new Error(`parser: unexpected ${l?.kind ?? 'end'}`);
    this.at++;
    return this.leaf(l);
  }

  private leaf(l: Extract<Lexeme, { kind: 'word' }>): Leaf {
    const text = foldForIndex(l.raw.normalize('NFC')).toLowerCase();
    const tokens = text.match(indexTokenPattern()) ?? [];
    if (l.prefix) {
      const last = tokens[tokens.length - 1];
      if (last === undefined) {
        throw syntax(l.pos, `A * on its own (position ${column(this.input, l.pos)}) would match everything; put at least ${MIN_PREFIX} letters before it, as in captag*.`);
      }
      if (codePoints(last) < MIN_PREFIX) {
        throw syntax(l.pos, `The prefix search at position ${column(this.input, l.pos)} is too short; put at least ${MIN_PREFIX} letters before the *, as in captag*.`);
      }
    }
    if (tokens.length > 0) {
      this.termCount++;
      this.tokenCount += tokens.length;
      if (this.termCount > MAX_TERMS || this.tokenCount > MAX_TOKENS) {
        throw new DomainError(
          'QUERY_TOO_LONG',
          `The search is too long (at most ${MAX_TERMS} words or phrases and ${MAX_TOKENS} words in all); shorten it.`,
          { position: l.pos },
        );
      }
    }
    return { kind: 'term', pos: l.pos, tokens, prefix: l.prefix, phrase: l.phrase };
  }

  private needsBothSides(l: Lexeme): DomainError {
    const op = l.kind === 'OR' ? 'OR' : 'AND';
    return syntax(l.pos, `${op} at position ${column(this.input, l.pos)} needs a word on both sides.`);
  }
}

// ---------------------------------------------------------------------------------------------
// Reduction: drop empty terms, flatten nested ANDs, and refuse what FTS5 cannot express.

function reduce(input: string, node: Node): Node | null {
  switch (node.kind) {
    case 'term':
      return node.tokens.length > 0 ? node : null;
    case 'not': {
      const child = reduce(input, node.child);
      if (child === null) return null;
      if (child.kind === 'not') {
        throw syntax(child.pos, `Two exclusions in a row at position ${column(input, child.pos)}; use one NOT (or -) per word.`);
      }
      return { ...node, child };
    }
    case 'or': {
      const children = node.children.map((c) => reduce(input, c)).filter((c): c is Node => c !== null);
      const negated = children.find((c) => c.kind === 'not');
      if (negated?.kind === 'not') {
        throw syntax(
          negated.pos,
          `An exclusion cannot be one side of an OR (position ${column(input, negated.pos)}); exclude it from the whole search instead, as in: a OR b NOT c.`,
        );
      }
      if (children.length === 0) return null;
      return children.length === 1 ? (children[0] ?? null) : { ...node, children };
    }
    case 'and': {
      const children: Node[] = [];
      for (const c of node.children) {
        const r = reduce(input, c);
        if (r === null) continue;
        if (r.kind === 'and') children.push(...r.children);
        else children.push(r);
      }
      if (children.length === 0) return null;
      return children.length === 1 ? (children[0] ?? null) : { kind: 'and', children };
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Aliases

/**
 * Search aliases (the project's groups of spellings, e.g. الكبتاغون / الكبتاجون / captagon): a plain
 * one-word term with aliases becomes "any of them". Phrases and prefixes are left as typed.
 * `aliases` maps a folded, lowercased word to its folded alternatives.
 */
function expandAliases(node: Node, aliases: ReadonlyMap<string, readonly string[]>): Node {
  switch (node.kind) {
    case 'term': {
      const others = !node.phrase && !node.prefix && node.tokens.length === 1 ? aliases.get(node.tokens[0]!) : undefined;
      if (!others?.length) return node;
      return { kind: 'or', pos: node.pos, children: [node, ...others.map((o): Leaf => ({ ...node, tokens: o.split(' ') }))] };
    }
    case 'not':
      return { ...node, child: expandAliases(node.child, aliases) };
    case 'and':
    case 'or':
      return { ...node, children: node.children.map((c) => expandAliases(c, aliases)) } as Node;
  }
}

// ---------------------------------------------------------------------------------------------
// Output

/** The FTS5 expression; every compound part below the root is parenthesised. */
function emit(node: Node, root = false): string {
  switch (node.kind) {
    case 'term':
      return `"${node.tokens.join(' ')}"${node.prefix ? '*' : ''}`;
    case 'or': {
      const s = node.children.map((c) => emit(c)).join(' OR ');
      return root ? s : `(${s})`;
    }
    case 'not':
      // Reached only for a search that is nothing but one exclusion: inside an AND, `not` children
      // are handled below; inside an OR or another NOT, `reduce` has refused them.
      throw onlyExcluded(node.pos);
    case 'and': {
      const positives = node.children.filter((c) => c.kind !== 'not');
      const negatives = node.children.filter((c): c is Extract<Node, { kind: 'not' }> => c.kind === 'not');
      const first = negatives[0];
      if (positives.length === 0 && first) throw onlyExcluded(first.pos);
      let s = positives.map((c) => emit(c)).join(' AND ');
      if (negatives.length > 0) {
        if (positives.length > 1) s = `(${s})`;
        s += negatives.map((n) => ` NOT ${emit(n.child)}`).join('');
      }
      return root ? s : `(${s})`;
    }
  }
}

function collectTerms(node: Node, negated: boolean, out: QueryTerm[]): void {
  switch (node.kind) {
    case 'term':
      out.push({ text: node.tokens.join(' '), prefix: node.prefix, phrase: node.phrase, negated });
      return;
    case 'not':
      collectTerms(node.child, true, out);
      return;
    case 'and':
    case 'or':
      for (const c of node.children) collectTerms(c, negated, out);
  }
}

// ---------------------------------------------------------------------------------------------
// Errors

function syntax(position: number, message: string): DomainError {
  return new DomainError('QUERY_SYNTAX', message, { position });
}

function empty(message: string): DomainError {
  return new DomainError('EMPTY_QUERY', message);
}

function onlyExcluded(position: number): DomainError {
  return syntax(position, 'Add at least one word to look for besides the excluded ones.');
}

/** The 1-based character (code point) column of a UTF-16 offset, for messages. */
function column(input: string, offset: number): number {
  let count = 1;
  for (let i = 0; i < offset; i++) {
    const c = input.charCodeAt(i);
    if (c < 0xdc00 || c > 0xdfff || i === 0 || !isHigh(input.charCodeAt(i - 1))) count++;
  }
  return count;
}

function isHigh(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

/** Code points in a token, not counting Latin combining marks (FTS5 removes them before counting). */
function codePoints(token: string): number {
  let n = 0;
  for (const ch of token) if (!/[\u0300-\u036F]/.test(ch)) n++;
  return n;
}
