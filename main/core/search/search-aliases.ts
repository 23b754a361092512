/**
 * Search aliases: groups of spellings that a search for one should also find, kept per project.
 * Transliteration and dialect make these common in the field: the corpus spells captagon
 * "الكبتاغون" and "الكبتاجون". Folding cannot join them (غ and ج are different letters), so the
 * analyst keeps a list; a new project starts with the captagon group.
 */
import { foldForIndex } from '../../../shared/text/fold.ts';
import { ValidationError } from '../errors.ts';
import { setMeta } from '../project/project-repository.ts';
import type { Db } from '../store/database.ts';

const KEY = 'search_aliases';
export const DEFAULT_ALIASES: string[][] = [['captagon', 'كبتاغون', 'كبتاجون', 'الكبتاغون', 'الكبتاجون']];

const DEFAULT_RAW = JSON.stringify(DEFAULT_ALIASES);

const fold = (word: string) => foldForIndex(word.trim()).toLowerCase();

export class SearchAliases {
  private cache: { raw: string; map: Map<string, string[]> } | null = null;
  /** getMeta's query, prepared once: `map()` runs on every search. */
  private readonly read;

  constructor(private readonly db: Db) {
    this.read = db.prepare(`SELECT value FROM project_meta WHERE key = ?`).pluck();
  }

  private stored(): string | undefined {
    return this.read.get(KEY) as string | undefined;
  }

  groups(): string[][] {
    const raw = this.stored();
    return raw === undefined ? DEFAULT_ALIASES : (JSON.parse(raw) as string[][]);
  }

  set(groups: string[][]): string[][] {
    const clean = groups.map((g) => [...new Set(g.map((w) => w.trim()).filter(Boolean))]).filter((g) => g.length >= 2);
    for (const g of clean) {
      for (const w of g) if (/\s/.test(w)) throw new ValidationError(`An alias is one word: “${w}” has a space in it.`);
    }
    setMeta(this.db, KEY, JSON.stringify(clean));
    return clean;
  }

  /** Folded word → its folded alternatives. */
  map(): Map<string, string[]> {
    const raw = this.stored() ?? DEFAULT_RAW;
    if (this.cache?.raw === raw) return this.cache.map;
    const map = new Map<string, string[]>();
    for (const group of JSON.parse(raw) as string[][]) {
      const folded = [...new Set(group.map(fold))];
      for (const w of folded) map.set(w, folded.filter((o) => o !== w));
    }
    this.cache = { raw, map };
    return map;
  }
}
