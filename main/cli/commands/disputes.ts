/**
 * `claimdesk disputes`: the Disputes screen from the command line. Each disputed or denied claim,
 * with its sources and document, and under it each statement against it (a denial, a contradicting
 * account), with the relation, its sources, channels and ratings, and its document.
 */
import type { Dispute } from '../../../shared/review-schemas.ts';
import { limitOption, parse } from '../args.ts';
import { EXIT_OK, printJson, println, type Io } from '../io.ts';
import { withProject } from '../project.ts';
import type { Command } from './command.ts';
import { documentName } from './review.ts';

export const disputesCommand: Command = {
  name: 'disputes',
  summary: 'List each disputed or denied claim beside the statements against it',
  usage: `Usage: claimdesk disputes [--db FILE] [--limit N] [--json]

Lists each claim that another claim denies or disputes (a link made in a document: the denial,
then "Link claim…" to the claim it denies): the claim, its status, sources and document, and under
it every statement against it with the relation ("denies", "disputes"), its sources with their
channel and rating, and its document.

Options:
  --limit N   at most N disputed claims (default 500, at most 5000)
  --db FILE   the project file (default: default.claimdesk in the user-data folder)
  --json      print the disputes as JSON`,
  async run(argv, io) {
    const { values } = parse(argv, { limit: { type: 'string' } });
    const limit = limitOption(values.limit, 500, 5000);
    return withProject(values.db, io.env, async (core) => {
      const disputes = await core.services['disputes:list']({ limit });
      if (values.json) {
        printJson(io, disputes);
        return EXIT_OK;
      }
      if (disputes.length === 0) {
        println(io.out, 'No disputes yet. Mark a denial in a document and link it to the claim it denies (claimdesk serve opens the app).');
        return EXIT_OK;
      }
      disputes.forEach((d, i) => {
        if (i > 0) println(io.out);
        printDispute(io, d);
      });
      println(io.out);
      println(io.out, `${disputes.length} claim${disputes.length === 1 ? ' is' : 's are'} disputed or denied.`);
      return EXIT_OK;
    });
  },
};

type Sources = Dispute['claim']['sources'];

const sourcesOf = (sources: Sources): string =>
  sources.length === 0
    ? 'no source'
    : sources.map((s) => `${s.name}${s.channel ? ` via ${s.channel}` : ''}${s.rating ? ` ${s.rating}` : ''}`).join('; ');

const where = (s: { document: string | null; lead: string | null; published: string | null }): string =>
  `${documentName(s.document, s.lead)}${s.published ? `, ${s.published}` : ''}`;

function printDispute(io: Io, d: Dispute): void {
  println(io.out, `${d.claim.status.toUpperCase()}  “${d.claim.text}”`);
  println(io.out, `    by ${sourcesOf(d.claim.sources)}; in ${where(d.claim)}`);
  for (const a of d.against) {
    println(io.out, `  ${a.relation} by ${sourcesOf(a.sources)}: “${a.text}”`);
    println(io.out, `      in ${where(a)}`);
  }
}
