/**
 * The sample corpus (tests/fixtures/corpus) as an import stores it (NFC, \n line endings), its
 * reference claims located by `occurrence`, a few hand-picked spans of the Arabic document (which has
 * no reference annotation), and the changed versions saved in tests/fixtures/anchoring.
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { EDIT_SCRIPTS, type DocumentEdits } from './edit-script.ts';

export const CORPUS_DIR = fileURLToPath(new URL('../../fixtures/corpus/', import.meta.url));
export const CHANGED_DIR = fileURLToPath(new URL('../../fixtures/anchoring/', import.meta.url));

export function readText(path: string): string {
  return fs.readFileSync(path, 'utf8').replace(/\r\n?/g, '\n').normalize('NFC');
}

export interface ClaimSpan {
  id: string;
  exact: string;
  start: number;
  end: number;
}

/** Start of the `occurrence`-th (1-based) match of `exact` in `text`, counting overlapping matches. */
export function locate(text: string, exact: string, occurrence: number): number {
  let at = -1;
  for (let n = 0; n < occurrence; n++) {
    at = text.indexOf(exact, at + 1);
    if (at === -1) throw new Error(`${JSON.stringify(exact.slice(0, 40))} occurs fewer than ${occurrence} times`);
  }
  return at;
}

interface GoldClaim {
  id: string;
  exact: string;
  occurrence: number;
}

/** Spans of the Arabic document: a shadda (عرّاب), a tanwin (كيلوغرامًا) and the double space kept as published. */
const ARABIC_SPANS: readonly GoldClaim[] = [
  { id: 'a1', exact: 'عرّاب تهريب المخدرات يقع في قبضة مفارز مديرية شؤون المخدرات', occurrence: 1 },
  { id: 'a2', exact: 'عرّاب', occurrence: 1 },
  { id: 'a3', exact: 'تاجر  للمخدرات', occurrence: 1 },
  { id: 'a4', exact: 'الاستخبارات العسكرية العراقية تعتقل تاجر  للمخدرات بحوزته 4 كيلو من حبة الكبتاجون', occurrence: 1 },
  { id: 'a5', exact: 'تحبط محاولة لتهريب 700 ألف حبة من مادة الكبتاغون المخدرة', occurrence: 1 },
  { id: 'a6', exact: 'كيلوغرامًا', occurrence: 1 },
  { id: 'a7', exact: 'ضبط (51) كيلوغرامًا من حبوب الكبتاغون', occurrence: 1 },
  { id: 'a8', exact: 'وزارة الداخلية العراقية', occurrence: 2 },
];

interface Gold {
  claims: GoldClaim[];
  quantities: GoldClaim[];
}

function gold(source: string): Gold {
  if (source.startsWith('arabic/')) return { claims: [...ARABIC_SPANS], quantities: [] };
  return JSON.parse(fs.readFileSync(`${CORPUS_DIR}gold/${source.replace(/\.txt$/, '.gold.json')}`, 'utf8')) as Gold;
}

export interface CorpusDocument {
  script: DocumentEdits;
  text: string;
  /** The changed version as saved in tests/fixtures/anchoring. */
  changed: string;
  /** Reference claims (hand-picked spans for the Arabic document). */
  claims: ClaimSpan[];
  /** Reference quantities: short spans ("Monday", "five", "$200"), several of them repeated. */
  quantities: ClaimSpan[];
}

export function loadCorpus(): CorpusDocument[] {
  return EDIT_SCRIPTS.map((script) => {
    const text = readText(CORPUS_DIR + script.source);
    const toSpan = (c: GoldClaim): ClaimSpan => {
      const start = locate(text, c.exact, c.occurrence);
      return { id: c.id, exact: c.exact, start, end: start + c.exact.length };
    };
    const { claims, quantities } = gold(script.source);
    return {
      script,
      text,
      changed: readText(CHANGED_DIR + script.fixture),
      claims: claims.map(toSpan),
      quantities: quantities.map(toSpan),
    };
  });
}
