import path from 'node:path';
import type { EventPayload } from '../../../shared/contract.ts';
import { parse } from '../args.ts';
import { jobBar } from '../job-bar.ts';
import { EXIT_OK, EXIT_SOME_FAILED, UsageError, printJson, println } from '../io.ts';
import { withProject } from '../project.ts';
import type { MergeReport, VerifyReport } from '../../../shared/pack-schemas.ts';
import type { Command } from './command.ts';
import { printProblems, readPackFile } from './verify.ts';

/** What the bar says during a merge's last steps (contract: progress.step). */
const STEPS: Record<NonNullable<EventPayload<'progress'>['step']>, string> = {
  indexes: 'all written; building their indexes',
  statuses: 'working out claim statuses',
  review: 'rebuilding the review index',
  verify: 'waiting for the last checks of the pack',
};

export const importPackCommand: Command = {
  name: 'import-pack',
  summary: 'Verify a pack and merge it into the project, all or nothing, as one undo step',
  usage: `Usage: claimdesk import-pack FILE.claimpack [--db FILE] [--json]

Verifies the pack first and writes nothing if it is not sound. Then merges it in one step:
documents are matched by their text, sources and annotations by id. A source with another id but the
same name as one of yours is added and proposed for merging, never merged by force. Where both you and
the pack changed the same annotation, yours is kept and theirs is added as a conflict copy.
Merging the same pack again changes nothing. "claimdesk undo" takes the whole merge back.

Options:
  --db FILE   the project file (default: default.claimdesk in the user-data folder)
  --json      print the merge report as JSON
Exit status: 0 merged (or nothing new), 1 refused, 2 usage error.`,
  async run(argv, io) {
    const { values, positionals } = parse(argv, {});
    if (positionals.length !== 1) throw new UsageError('Name one pack to import.');
    const file = positionals[0]!;
    const data = readPackFile(file);
    return withProject(values.db, io.env, async (core) => {
      const jobId = `cli-import-pack-${Date.now()}`;
      // On a terminal: the rows written, then the step the merge is at (a large pack works on for
      // seconds after its last row), from the same progress events the app shows.
      if (!values.json && io.err.isTTY) println(io.err, `Checking ${path.basename(file)}…`);
      const stop = jobBar(core, io, { jobId, json: Boolean(values.json), label: 'Merging', what: (p) => (p.step ? STEPS[p.step] : 'annotations') });
      const result = await core.dispatch('packs:import', { jobId, data, name: path.basename(file) }).finally(stop);
      if (!result.ok) {
        if (values.json) printJson(io, { ok: false, error: result.error });
        println(io.err, `claimdesk import-pack: ${result.error.message}`);
        if (result.error.code === 'PACK_REFUSED' && !values.json) printProblems(io, result.error.details as VerifyReport);
        return EXIT_SOME_FAILED;
      }
      const r = result.value as MergeReport;
      if (values.json) {
        printJson(io, r);
        return EXIT_OK;
      }
      const t = r.added;
      println(io.out, r.label ? `${r.label}: done.` : `${path.basename(file)}: nothing new; the project already has everything in it.`);
      println(io.out, `New: ${t.documents} documents, ${t.annotations} annotations, ${t.attributions} attributions, ${t.links} links, ${t.sources} sources, ${t.tags} tags.`);
      println(io.out, `Signature: ${r.verify.signature.message}`);
      for (const c of r.conflicts) println(io.out, `Conflict: ${c.message}${c.copyId ? ` (copy ${c.copyId})` : ''}`);
      for (const p of r.proposedSourceMerges) println(io.out, `Proposed merge: “${p.packName}” (from the pack) and your “${p.localName}”: ${p.reason}`);
      if (r.keptDeleted > 0) println(io.out, `${r.keptDeleted} record${r.keptDeleted === 1 ? '' : 's'} you had deleted stay deleted.`);
      return EXIT_OK;
    });
  },
};
