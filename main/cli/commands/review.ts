/**
 * `claimdesk review`: the Review screen's grid from the command line, one row per attribution (a
 * claim with two sources is two rows). Its quick filters, a saved view (its filters, quick filters
 * and sort, read by the function the grid itself uses: shared/review-query.ts) and a sort narrow and
 * order the rows; the core pages them (`review:rows`) or writes all of them as CSV (`review:export`),
 * as Review → Export CSV does.
 */
import fs from 'node:fs';
import path from 'node:path';
import { isFiltered, queryOfView, type QuickFilterId } from '../../../shared/review-query.ts';
import { leadLine } from '../../../shared/text/lead.ts';
import { QUICK_FILTERS, REVIEW_COLUMNS, type ReviewColumn, type ReviewQuery, type ReviewRow } from '../../../shared/review-schemas.ts';
import type { Core } from '../../core/core.ts';
import { limitOption, parse } from '../args.ts';
import { EXIT_OK, UsageError, printJson, println, type Io } from '../io.ts';
import { withProject } from '../project.ts';
import type { Command } from './command.ts';
import { findView } from './export.ts';

/** The quick filters by the names the Review screen gives them. */
const QUICK: Record<string, QuickFilterId> = { 'single-source': 'singleSource', anonymous: 'anonymousOnly', denied: 'denied', ungraded: 'ungraded' };
const COLUMNS = Object.keys(REVIEW_COLUMNS) as ReviewColumn[];
const MAX_ROWS = 1000;

export const reviewCommand: Command = {
  name: 'review',
  summary: 'List the attributions across the corpus, as the Review grid does, or write them as CSV',
  usage: `Usage: claimdesk review [--db FILE] [--quick Q]... [--view NAME] [--sort COLUMN[:desc]]... [--limit N] [--out FILE.csv] [--json]

Lists one row per attribution (a claim with two sources is two rows): the rating, the claim's
status, the source and its channel, the claim and its document. The total of matching rows is
always said. With --out, every matching row is written as CSV, in order, as Review's Export CSV
writes it: UTF-8 with a byte-order mark, and no cell can start a spreadsheet formula.

Options:
  --quick Q        a quick filter of the Review screen: single-source, anonymous, denied or
                   ungraded; repeatable (rows must pass all)
  --view NAME      a saved review view (its name, or its id): its column filters, quick filters and sort
  --sort C[:desc]  sort by a column, ascending unless :desc; repeatable, up to 3, the first leads.
                   Columns: ${COLUMNS.join(', ')}
  --limit N        rows to print, 1 to ${MAX_ROWS} (default 50)
  --out FILE       write every matching row as CSV to FILE instead of printing
  --db FILE        the project file (default: default.claimdesk in the user-data folder)
  --json           print { total, rows } as JSON (or, with --out, what was written)
Exit status: 0 done, 1 an error (said why; with --out nothing is left half-written), 2 usage error.`,
  async run(argv, io) {
    const { values } = parse(argv, {
      quick: { type: 'string', multiple: true },
      view: { type: 'string' },
      sort: { type: 'string', multiple: true },
      limit: { type: 'string' },
      out: { type: 'string' },
    });
    const quick = ((values.quick as string[] | undefined) ?? []).map((q) => {
      const id = QUICK[q.trim().toLowerCase()];
      if (!id) throw new UsageError(`--quick takes ${Object.keys(QUICK).join(', ')} (got "${q}").`);
      return id;
    });
    const sort = parseSort((values.sort as string[] | undefined) ?? []);
    const limit = limitOption(values.limit, 50, MAX_ROWS);
    const out = values.out;
    if (out === '') throw new UsageError('Say where to write the CSV: --out FILE.');
    if (typeof out === 'string') {
      if (fs.existsSync(out) && fs.statSync(out).isDirectory()) throw new UsageError(`${out} is a folder; name the file to write.`);
      const folder = path.dirname(path.resolve(out));
      if (!fs.existsSync(folder)) throw new UsageError(`There is no folder ${folder} to write ${path.basename(out)} in.`);
    }

    return withProject(values.db, io.env, async (core) => {
      const query = await queryOf(core, typeof values.view === 'string' ? values.view : null, quick, sort);
      if (typeof out === 'string') {
        const written = await core.services['review:export']({ query, outPath: path.resolve(out) });
        if (values.json) printJson(io, { rows: written.rows, path: written.path });
        else println(io.out, `Wrote ${written.rows.toLocaleString('en-US')} row${written.rows === 1 ? '' : 's'} to ${written.path}.`);
        return EXIT_OK;
      }
      const page = await core.services['review:rows']({ query, offset: 0, limit });
      if (values.json) {
        printJson(io, page);
        return EXIT_OK;
      }
      if (page.total === 0) {
        println(io.out, isFiltered(query)
          ? 'No attribution matches.'
          : 'No attributions yet. Mark a claim in a document and attribute it to its source (claimdesk serve opens the app).');
        return EXIT_OK;
      }
      for (const row of page.rows) printRow(io, row);
      const shown = page.rows.length;
      println(io.out, shown < page.total ? `${shown} of ${page.total.toLocaleString('en-US')} attributions (--limit shows more, --out writes all).` : `${page.total.toLocaleString('en-US')} attribution${page.total === 1 ? '' : 's'}.`);
      return EXIT_OK;
    });
  },
};

/** `--sort source --sort published:desc` → the query's sort. */
export function parseSort(values: string[]): ReviewQuery['sort'] {
  if (values.length > 3) throw new UsageError(`--sort takes up to 3 columns (got ${values.length}).`);
  return values.map((v) => {
    const [column = '', dir = 'asc', ...rest] = v.trim().split(':');
    if (!(COLUMNS as string[]).includes(column) || rest.length > 0) throw new UsageError(`--sort takes a column of ${COLUMNS.join(', ')}, with :desc to reverse it (got "${v}").`);
    if (dir !== 'asc' && dir !== 'desc') throw new UsageError(`--sort ${column} takes :asc or :desc (got ":${dir}").`);
    return { column: column as ReviewColumn, dir };
  });
}

/** The query: a saved view's filters, quick filters and sort, then the options' (which add quick filters and replace the sort). */
async function queryOf(core: Core, view: string | null, quick: QuickFilterId[], sort: ReviewQuery['sort']): Promise<ReviewQuery> {
  if (view === null) return { filters: {}, quick: [...new Set(quick)], sort };
  const id = await findView(core, view);
  const saved = queryOfView((await core.services['review:views']({})).find((v) => v.id === id)!.state);
  return { ...saved, quick: QUICK_FILTERS.filter((q) => saved.quick.includes(q) || quick.includes(q)), sort: sort.length > 0 ? sort : saved.sort };
}

/** A document as the app names it: its title, or "(untitled)" and the opening of its text. */
export const documentName = (title: string | null, lead: string | null): string => title ?? `(untitled) ${leadLine(lead ?? '', 60)}`.trimEnd();

function printRow(io: Io, r: ReviewRow): void {
  const document = documentName(r.document, r.lead);
  const via = [r.cue, r.channel && `via ${r.channel}`].filter(Boolean).join(', ');
  const kind = r.kind === 'claim' ? '' : ` [${r.kind}]`;
  println(io.out, `${(r.rating ?? '—').padEnd(3)} ${r.status.padEnd(12)} ${r.source} (${r.sourceType}${via ? `; ${via}` : ''})${kind}`);
  println(io.out, `    “${r.claimText}”`);
  println(io.out, `    in ${document}${r.outlet ? `, ${r.outlet}` : ''}${r.published ? `, ${r.published}` : ''}`);
}
