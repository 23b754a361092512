import { parse } from '../args.ts';
import { EXIT_OK, UsageError, printJson, println } from '../io.ts';
import { withProject } from '../project.ts';
import type { Command } from './command.ts';

const TYPES = ['document', 'source', 'tag'] as const;
type Type = (typeof TYPES)[number];

export const settleCommand: Command = {
  name: 'settle',
  summary: 'Settle a merge conflict on a document, a source or a tag: keep ours or use theirs',
  usage: `Usage: claimdesk settle (document|source|tag) ID --keep ours|theirs [--merge MERGE_ID] [--db FILE] [--json]

Settles a conflict a pack merge left on a document's metadata, a source or a tag (claimdesk merges
lists them): --keep ours leaves ours as it is; --keep theirs applies their version to ours (a
document's title, outlet, author, link and date; a source's name, type, affiliation, aliases and
grade; a tag's name and colour). Either is one step that claimdesk undo takes back.

An annotation conflict is settled by deleting one of its two versions, not here.

Options:
  --keep ours|theirs   which version to keep
  --merge MERGE_ID     the merge whose conflict it is (default: the latest merge with it open)
  --db FILE            the project file (default: default.claimdesk in the user-data folder)
  --json               print the merge, as claimdesk merges --json lists it`,
  async run(argv, io) {
    const { values, positionals } = parse(argv, { keep: { type: 'string' }, merge: { type: 'string' } });
    const [type, id, ...extra] = positionals;
    if (!type || !id || extra.length > 0) throw new UsageError('Name what to settle: claimdesk settle (document|source|tag) ID --keep ours|theirs');
    if (!(TYPES as readonly string[]).includes(type)) throw new UsageError(`"${type}" cannot be settled here: give document, source or tag (an annotation conflict is settled by deleting one version).`);
    const keep = values.keep;
    if (keep !== 'ours' && keep !== 'theirs') throw new UsageError(`--keep must be ours or theirs (got ${keep === undefined ? 'nothing' : `"${String(keep)}"`}).`);
    return withProject(values.db, io.env, async (core) => {
      let mergeId = values.merge as string | undefined;
      if (mergeId === undefined) {
        const merges = await core.services['packs:merges']({ limit: 1000 });
        const open = merges.find((m) => !m.undone && m.report.conflicts.some((c) => c.type === type && c.id === id && !c.resolved));
        if (!open) throw new UsageError(`No merge has an open conflict on the ${type} ${id}. claimdesk merges lists them.`);
        mergeId = open.id;
      }
      const merge = await core.services['packs:settle']({ mergeId, type: type as Type, id, keep });
      if (values.json) printJson(io, merge);
      else println(io.out, `Settled: ${keep === 'ours' ? 'ours kept' : 'theirs used'} for the ${type} ${id} (merge of ${merge.report.name}). Undo with: claimdesk undo`);
      return EXIT_OK;
    });
  },
};
