import { limitOption, parse } from '../args.ts';
import { EXIT_OK, printJson, println } from '../io.ts';
import { withProject } from '../project.ts';
import type { Command } from './command.ts';

export const mergesCommand: Command = {
  name: 'merges',
  summary: 'List the packs merged into the project, with their conflicts to resolve',
  usage: `Usage: claimdesk merges [--db FILE] [--limit N] [--json]

Lists the packs merged into the project, newest first: the pack's name, creator and SHA-256, who
merged it and when, what it added, and each conflict (both sides changed a record; ours was kept,
theirs recorded or added as a conflict copy) and proposed source merge, for the analyst to resolve,
and how each conflict decided so far was decided. A merge taken back with undo is marked so.
claimdesk settle settles a conflict on a document, a source or a tag.

Options:
  --limit N   at most N merges (default 100)
  --db FILE   the project file (default: default.claimdesk in the user-data folder)
  --json      print the merges as JSON`,
  async run(argv, io) {
    const { values } = parse(argv, { limit: { type: 'string' } });
    const limit = limitOption(values.limit, 100, 1000);
    return withProject(values.db, io.env, async (core) => {
      const merges = await core.services['packs:merges']({ limit });
      if (values.json) {
        printJson(io, merges);
        return EXIT_OK;
      }
      if (merges.length === 0) {
        println(io.out, 'No pack has been merged into this project. Merge one with: claimdesk import-pack FILE.claimpack');
        return EXIT_OK;
      }
      for (const m of merges) {
        const r = m.report;
        const added = (['documents', 'annotations', 'attributions', 'links', 'sources', 'tags'] as const)
          .filter((k) => r.added[k] > 0)
          .map((k) => `${r.added[k]} ${k}`);
        println(io.out, `${m.at}  ${r.name}${m.undone ? '  (undone)' : ''}  merge ${m.id}`);
        println(io.out, `    from ${r.creator ?? 'an unnamed analyst'}, merged by ${m.analyst}; SHA-256 ${r.sha256}`);
        println(io.out, `    added ${added.length ? added.join(', ') : 'nothing'}`);
        for (const c of r.conflicts) println(io.out, `    ${c.resolution ? `resolved conflict, ${DECIDED[c.resolution]}` : 'conflict'} (${c.type} ${c.id}${c.copyId ? `, their copy ${c.copyId}` : ''}): ${c.message}`);
        for (const p of r.proposedSourceMerges) {
          const state = p.resolution === 'merged' ? ' (merged)' : p.resolution === 'gone' ? ' (one of the two is gone)' : '';
          println(io.out, `    proposed source merge${state}: "${p.packName}" (theirs) and "${p.localName}" (ours): ${p.reason}`);
        }
      }
      return EXIT_OK;
    });
  },
};

/** How a decided conflict was decided, as the list says it. */
const DECIDED = { ours: 'ours kept', theirs: 'theirs used', deleted: 'the record was deleted here' } as const;
