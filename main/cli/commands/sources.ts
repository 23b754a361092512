/**
 * `claimdesk sources`: the Sources screen from the command line. Every source with its type,
 * affiliation, aliases, reliability grade, how many claims and documents it is in and when it was
 * first and last seen; or, with --duplicates, the pairs that look like one source written two ways.
 */
import { limitOption, parse } from '../args.ts';
import { EXIT_OK, UsageError, printJson, println } from '../io.ts';
import { withProject } from '../project.ts';
import type { Command } from './command.ts';

export const sourcesCommand: Command = {
  name: 'sources',
  summary: 'List the sources with their grades and counts, or the possible duplicates among them',
  usage: `Usage: claimdesk sources [--db FILE] [--find TEXT] [--duplicates] [--limit N] [--json]

Lists every source claims are attributed to, most claims first: its reliability grade (A-F, "-"
when not graded), type, claims and documents, when it was first and last seen (by publication
date), affiliation and aliases. With --duplicates, lists the pairs of sources that look like one
source written two ways ("Hezbollah" / "Hizbullah"), with why; merge them in the app (Sources).

Options:
  --find TEXT    only sources whose name or an alias contains TEXT
  --duplicates   list possible duplicates instead
  --limit N      at most N rows (default 2000 sources, 50 pairs)
  --db FILE      the project file (default: default.claimdesk in the user-data folder)
  --json         print them as JSON`,
  async run(argv, io) {
    const { values } = parse(argv, { find: { type: 'string' }, duplicates: { type: 'boolean', default: false }, limit: { type: 'string' } });
    const limit = values.duplicates ? limitOption(values.limit, 50, 500) : limitOption(values.limit, 2000, 10000);
    if (values.duplicates && values.find !== undefined) throw new UsageError('--find narrows the sources list; --duplicates lists pairs across all sources. Use one.');
    const find = typeof values.find === 'string' ? values.find : '';
    if (find.length > 500) throw new UsageError('--find takes at most 500 characters.');
    return withProject(values.db, io.env, async (core) => {
      if (values.duplicates) {
        const pairs = await core.services['sources:duplicates']({ limit });
        if (values.json) printJson(io, pairs);
        else if (pairs.length === 0) println(io.out, 'No possible duplicates among the sources.');
        else for (const p of pairs) println(io.out, `"${p.aName}" and "${p.bName}": ${p.reason} (score ${p.score.toFixed(2)}; ids ${p.a} ${p.b})`);
        return EXIT_OK;
      }
      const sources = await core.services['sources:overview']({ query: find, limit });
      if (values.json) {
        printJson(io, sources);
        return EXIT_OK;
      }
      if (sources.length === 0) {
        println(io.out, find ? `No source's name or alias contains "${find}".` : 'No sources yet. Attribute a claim in a document and its source is listed here.');
        return EXIT_OK;
      }
      for (const s of sources) {
        const seen = s.firstSeen ? (s.firstSeen === s.lastSeen ? `, seen ${s.firstSeen}` : `, seen ${s.firstSeen} to ${s.lastSeen}`) : '';
        println(io.out, `${(s.reliability ?? '-').padEnd(2)} ${s.name} (${s.type}): ${s.claims} claim${s.claims === 1 ? '' : 's'} in ${s.documents} document${s.documents === 1 ? '' : 's'}${seen}`);
        const more = [s.affiliation && `affiliation ${s.affiliation}`, s.aliases.length > 0 && `also ${s.aliases.map((a) => `"${a}"`).join(', ')}`].filter(Boolean);
        if (more.length > 0) println(io.out, `   ${more.join('; ')}`);
      }
      println(io.out, `${sources.length} source${sources.length === 1 ? '' : 's'}.`);
      return EXIT_OK;
    });
  },
};
