/**
 * The edit script that makes the changed versions of the corpus documents saved in
 * tests/fixtures/anchoring/: what a re-import of a new version of a report typically brings (an
 * editor's note on top, a sentence cut, a few words changed, typographic quotes and spaces
 * normalised, a passage removed). Each edit names the exact text it replaces, which must occur once.
 *
 * `applyEdits` also carries spans through the edits, so a test knows, independently of the anchoring
 * code, where each claim must end up: kept (same text, shifted), edited (its text changed: the new
 * text is what it must anchor to) or deleted (it must be orphaned).
 */
export interface Edit {
  find: string;
  replace: string;
  why: string;
}

export interface DocumentEdits {
  /** Path of the original under tests/fixtures/corpus/. */
  source: string;
  /** File name of the changed version under tests/fixtures/anchoring/. */
  fixture: string;
  edits: readonly Edit[];
}

export type SpanFate =
  | { fate: 'kept'; start: number; end: number }
  | { fate: 'edited'; start: number; end: number }
  | { fate: 'deleted' };

export interface EditedText {
  text: string;
  /** Where the span `start`–`end` of the original is in the changed text, and what became of it. */
  follow(start: number, end: number): SpanFate;
}

const NOTE_EN = 'Editor’s note: this report was updated with new figures and a correction.\n\n';

export const EDIT_SCRIPTS: readonly DocumentEdits[] = [
  {
    source: '000_f0441c74b4d07c9b.txt',
    fixture: '000_f0441c74b4d07c9b.changed.txt',
    edits: [
      { find: 'Jordan said on Monday that pro', replace: NOTE_EN + 'Jordan said on Monday that pro', why: 'paragraph inserted at the top' },
      { find: 'to wealthy Gulf markets', replace: 'to rich Gulf markets', why: 'word replaced in c1' },
      { find: '\n\n"We are facing', replace: '\n\n“We are facing', why: 'straight quote made curly, just before c3' },
      { find: 'foreign parties," senior', replace: 'foreign parties,” senior', why: 'straight quote made curly, just after c3' },
      { find: 'target Jordan\'s national', replace: 'target Jordan’s national', why: 'apostrophe made curly inside c4' },
      { find: 'and a main transit route', replace: 'and a major transit route', why: 'word replaced in c8' },
      {
        find:
          'The sharp rise in smuggling attempts has forced Jordan to change the army\'s rules of engagement ' +
          'along the border where it has given its military the authority to use overwhelming force.\n\n',
        replace: '',
        why: 'paragraph deleted: c11 and c12 gone',
      },
      { find: 'forces do their job but', replace: 'forces do their work but', why: 'word replaced in c17' },
    ],
  },
  {
    source: '001_8d8ef2971e5b5191.txt',
    fixture: '001_8d8ef2971e5b5191.changed.txt',
    edits: [
      { find: 'A Jordanian soldier guarding', replace: 'Updated 12/20/2023 08:15 GMT\n\nA Jordanian soldier guarding', why: 'line inserted at the top' },
      { find: 'Jordan’s State broadcaster', replace: "Jordan's State broadcaster", why: 'curly apostrophe made straight, just before c2' },
      { find: 'the country’s civil war', replace: "the country's civil war", why: 'curly apostrophe made straight inside c6' },
      { find: 'Lebanon\'s\u00a0Iran-backed', replace: "Lebanon's Iran-backed", why: 'no-break space made a space inside c10' },
      { find: 'Jordan knows the country that stands behind this. ', replace: '', why: 'sentence with no claim deleted, just before c11' },
      { find: 'trade finances a proliferation', replace: 'trade funds a proliferation', why: 'word replaced in c16' },
      { find: 'have seen a spike in these', replace: 'have seen a surge in these', why: 'word replaced in c20' },
      {
        find:
          'Jordan has been promised more US military aid to improve security on the border, where Washington ' +
          'has given around $1 billion to establish border posts since the Syrian conflict began in 2011, ' +
          'Jordanian officials say.\n\n',
        replace: '',
        why: 'paragraph deleted: c23 and c24 gone',
      },
    ],
  },
  {
    source: '002_e433ff60202df370.txt',
    fixture: '002_e433ff60202df370.changed.txt',
    edits: [
      { find: 'Security\n\nIraq fortifies', replace: NOTE_EN + 'Security\n\nIraq fortifies', why: 'paragraph inserted at the top' },
      {
        find:
          'An Iraqi soldier stands guard at a newly opened border guard checkpoint along a concrete wall with ' +
          'Syria designed to curb smuggling operations, on January 28. [Iraqi Border Forces Command]\n\nBy',
        replace: 'By',
        why: 'duplicate photo caption (no claim) deleted: the second copy of c2',
      },
      { find: 'where the "Islamic State of Iraq and Syria" (ISIS)', replace: 'where the “Islamic State of Iraq and Syria” (ISIS)', why: 'straight quotes made curly inside c6' },
      { find: 'The cement barrier, 12km in length', replace: 'The cement barrier, 12 km in length', why: 'space inserted inside c9' },
      { find: 'directs most of the smuggling', replace: 'runs most of the smuggling', why: 'word replaced in c19' },
      { find: 'Unit 400 is engaged in shipping weapons and has been accused of assassinating Iraqi journalists and activists who are opposed to Iran\'s agenda.\n\n', replace: '', why: 'paragraph deleted: c26 and c27 gone' },
      {
        find:
          'The value of this illicit trade exceeds $10 billion annually -- a huge revenue stream and a source ' +
          'of concern for governments struggling to prevent the flow of drugs.\n\n',
        replace: '',
        why: 'paragraph deleted: c31 gone',
      },
      { find: 'at least $50 million a month', replace: 'at least $60 million a month', why: 'figure changed in c34' },
    ],
  },
  {
    source: '003_629ec98bd1675e8a.txt',
    fixture: '003_629ec98bd1675e8a.changed.txt',
    edits: [
      { find: 'Security\n\nIran-aligned', replace: NOTE_EN + 'Security\n\nIran-aligned', why: 'paragraph inserted at the top' },
      { find: 'By Anas al-Bar |\n\n', replace: '', why: 'byline (no claim) deleted' },
      { find: 'But local residents refute these claims, telling', replace: 'But local residents disagree, telling', why: 'c7 replaced: its text is gone, its context stays' },
      { find: 'notably a 160km concrete wall', replace: 'notably a 165km concrete wall', why: 'figure changed in c11' },
      { find: 'Syria is "fairly safe', replace: 'Syria is "quite safe', why: 'word replaced in the short claim c13' },
      { find: 'Displacing local residents\n\n', replace: '', why: 'section heading (no claim) deleted' },
      { find: 'militias are constantly working', replace: 'militias are continually working', why: 'word replaced in c24' },
      { find: 'For this reason, he said, Iran wants its proxies to tighten their grip on this area.\n\n', replace: '', why: 'paragraph deleted: c29 gone' },
    ],
  },
  {
    source: 'arabic/naya_foriraq-captagon.txt',
    fixture: 'naya_foriraq-captagon.changed.txt',
    edits: [
      { find: 'وزارة الداخلية العراقية:\nعرّاب', replace: 'تحديث: منشورات القناة حتى اليوم\n\nوزارة الداخلية العراقية:\nعرّاب', why: 'line inserted at the top' },
      { find: 'عرّاب تهريب', replace: 'عراب تهريب', why: 'shadda dropped' },
      { find: 'تاجر  للمخدرات', replace: 'تاجر للمخدرات', why: 'double space collapsed' },
      {
        find: 'القوات الامنية العراقية تحبط محاولة لتهريب 700 ألف حبة من مادة الكبتاغون المخدرة وتلقي القبض على متهمين اثنين داخل الأراضي الكويتية.\n\n',
        replace: '',
        why: 'third post deleted',
      },
    ],
  },
];

interface Step {
  at: number;
  removed: number;
  inserted: number;
}

function followThrough(steps: readonly Step[], start: number, end: number): SpanFate {
  let s = start;
  let e = end;
  let edited = false;
  for (const { at, removed, inserted } of steps) {
    const to = at + removed;
    const delta = inserted - removed;
    if (e <= at) continue;
    if (s >= to) {
      s += delta;
      e += delta;
    } else if (at <= s && to >= e) {
      return { fate: 'deleted' };
    } else if (at > s && to < e) {
      e += delta;
      edited = true;
    } else {
      throw new Error(`edit at ${at}–${to} cuts the span ${s}–${e} at an edge`);
    }
  }
  return edited ? { fate: 'edited', start: s, end: e } : { fate: 'kept', start: s, end: e };
}

/** Lengths of the common start and the common end of `a` and `b`, not overlapping. */
function commonEnds(a: string, b: string): { head: number; tail: number } {
  const limit = Math.min(a.length, b.length);
  let head = 0;
  while (head < limit && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < limit - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  return { head, tail };
}

/** Applies `edits` in order; each `find` must occur exactly once in the text as it is by then. */
export function applyEdits(original: string, edits: readonly Edit[]): EditedText {
  let text = original;
  const steps: Step[] = [];
  for (const edit of edits) {
    const at = text.indexOf(edit.find);
    if (at === -1 || text.indexOf(edit.find, at + 1) !== -1) {
      throw new Error(`edit "${edit.why}": its text must occur exactly once (${JSON.stringify(edit.find.slice(0, 40))})`);
    }
    text = text.slice(0, at) + edit.replace + text.slice(at + edit.find.length);
    // Record only the part that differs: `find` carries unchanged text around it to be unique.
    const same = commonEnds(edit.find, edit.replace);
    steps.push({
      at: at + same.head,
      removed: edit.find.length - same.head - same.tail,
      inserted: edit.replace.length - same.head - same.tail,
    });
  }
  return { text, follow: (start, end) => followThrough(steps, start, end) };
}
