import { parse, positiveInt } from '../args.ts';
import { EXIT_OK, UsageError, emphasise, printJson, println, type Io } from '../io.ts';
import { withProject } from '../project.ts';
import type { SnippetPart } from '../../../shared/contract.ts';
import type { Command } from './command.ts';

export const searchCommand: Command = {
  name: 'search',
  summary: 'Full-text search, ranked, with snippets',
  usage: `Usage: claimdesk search <query> [--db FILE] [--limit N] [--outlet NAME] [--from DATE] [--to DATE] [--json]

Words are searched as words, in titles and text, best matches first.
  captagon smuggling      documents with both words
  "drugs war"             the exact phrase
  Hezbollah OR Hizbullah  either word
  captagon NOT Syria      (or -Syria) leave out documents with a word
  smuggl*                 words starting with "smuggl"
Arabic is matched without regard to diacritics, tatweel and alef/hamza, taa marbuta and yaa forms.

Options:
  --limit N       at most N hits (default 20)
  --outlet NAME   only documents from this outlet
  --from DATE     published on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD)
  --to DATE       published on or before DATE
  --db FILE       the project file (default: default.claimdesk in the user-data folder)
  --json          print {"query", "total", "hits": [...]} as JSON`,
  async run(argv, io) {
    const { values, positionals } = parse(argv, {
      limit: { type: 'string' },
      outlet: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
    });
    if (positionals.length === 0) throw new UsageError('Give a query, e.g. claimdesk search captagon');
    const query = positionals.join(' ');
    const limit = positiveInt(values.limit, 'limit', 20);
    for (const key of ['from', 'to'] as const) {
      const v = values[key];
      if (typeof v === 'string' && !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(v)) {
        throw new UsageError(`--${key} must be a date as YYYY, YYYY-MM or YYYY-MM-DD (got "${v}").`);
      }
    }
    return withProject(values.db, io.env, async (core) => {
      const result = await core.dispatch('search:query', {
        query,
        limit: Math.min(limit, 500),
        ...(typeof values.outlet === 'string' ? { outlet: values.outlet } : {}),
        ...(typeof values.from === 'string' ? { from: values.from } : {}),
        ...(typeof values.to === 'string' ? { to: values.to } : {}),
      });
      if (!result.ok) throw new UsageError(result.error.message);
      const { hits, total } = result.value as Awaited<ReturnType<(typeof core.services)['search:query']>>;
      if (values.json) {
        printJson(io, { query, total, hits });
        return EXIT_OK;
      }
      if (hits.length === 0) {
        println(io.out, `No documents match ${JSON.stringify(query)}.`);
        return EXIT_OK;
      }
      hits.forEach((h, i) => {
        const d = h.document;
        println(io.out, `${String(i + 1).padStart(2)}. ${render(io, h.titleParts) || '(untitled)'}`);
        println(io.out, `    ${[d.outlet, d.published, d.id].filter(Boolean).join(' · ')}`);
        println(io.out, `    ${render(io, h.snippet)}`);
      });
      println(io.out, `${hits.length} of ${total} matching document${total === 1 ? '' : 's'}.`);
      return EXIT_OK;
    });
  },
};

function render(io: Io, parts: SnippetPart[]): string {
  return parts.map((p) => (p.match ? emphasise(io, p.text) : p.text)).join('');
}
