/**
 * `claimdesk figures`: the Figures table from the command line. Every quantity marked in a claim,
 * normalised to value, unit, period and approximation, with its claim, source and document; first
 * the figures of linked claims that disagree.
 */
import type { Figure } from '../../../shared/review-schemas.ts';
import { parse } from '../args.ts';
import { EXIT_OK, printJson, println, type Io } from '../io.ts';
import { withProject } from '../project.ts';
import type { Command } from './command.ts';
import { documentName } from './review.ts';

export const figuresCommand: Command = {
  name: 'figures',
  summary: 'List the figures in claims, normalised, and those of linked claims that disagree',
  usage: `Usage: claimdesk figures [--db FILE] [--conflicts] [--json]

Lists every quantity marked in a claim ("20 million captagon tablets", "$10 billion annually"):
its value ("≈" when approximate), unit and period, the words as written, the claim's source and
its document. Figures of linked claims (corroborates, repeats, updates, disputes, denies) that
disagree beyond their precision come first, with why.

Options:
  --conflicts  only the figures that disagree
  --db FILE    the project file (default: default.claimdesk in the user-data folder)
  --json       print { figures, conflicts } as JSON`,
  async run(argv, io) {
    const { values } = parse(argv, { conflicts: { type: 'boolean', default: false } });
    return withProject(values.db, io.env, async (core) => {
      const { figures, conflicts } = await core.services['figures:list']({});
      if (values.json) {
        printJson(io, values.conflicts ? { conflicts } : { figures, conflicts });
        return EXIT_OK;
      }
      if (figures.length === 0) {
        println(io.out, 'No figures yet. Mark numbers in documents as quantities to compare them across claims and sources.');
        return EXIT_OK;
      }
      if (conflicts.length === 0) println(io.out, 'No conflicting figures between linked claims.');
      for (const c of conflicts) {
        println(io.out, `CONFLICT  ${c.reason}`);
        for (const f of c.figures) printFigure(io, f, '    ');
      }
      if (values.conflicts) return EXIT_OK;
      println(io.out);
      for (const f of figures) printFigure(io, f, '');
      println(io.out, `${figures.length} figure${figures.length === 1 ? '' : 's'}.`);
      return EXIT_OK;
    });
  },
};

function printFigure(io: Io, f: Figure, indent: string): void {
  const value = f.value === null ? '?' : `${f.approx ? '≈ ' : ''}${f.value.toLocaleString('en-US')}`;
  const measure = [value, f.unit, f.period].filter(Boolean).join(' ');
  println(io.out, `${indent}${measure}  (“${f.exact}”)  ${f.source ?? 'no source'}; in ${documentName(f.document, f.lead)}`);
  if (f.claimText) println(io.out, `${indent}    claim: “${f.claimText}”`);
}
