import { parse } from '../args.ts';
import { EXIT_OK, printJson, println } from '../io.ts';
import { withProject } from '../project.ts';
import type { Command } from './command.ts';

const make = (kind: 'undo' | 'redo'): Command => ({
  name: kind,
  summary: kind === 'undo' ? 'Undo the last action (an import batch, an edit, a delete)' : 'Redo the last undone action',
  usage: `Usage: claimdesk ${kind} [--db FILE] [--json]

${kind === 'undo'
    ? 'Reverses the latest action still in effect. History is kept: the undo is itself recorded.'
    : 'Re-applies the action most recently undone, unless something new was done since.'}

Options:
  --db FILE   the project file (default: default.claimdesk in the user-data folder)
  --json      print {"${kind}ne": label or null} as JSON`,
  async run(argv, io) {
    const { values } = parse(argv, {});
    return withProject(values.db, io.env, async (core) => {
      const result = await core.services[kind === 'undo' ? 'history:undo' : 'history:redo']({});
      if (values.json) printJson(io, { [`${kind}ne`]: result?.label ?? null });
      else println(io.out, result ? `${kind === 'undo' ? 'Undid' : 'Redid'}: ${result.label}` : `Nothing to ${kind}.`);
      return EXIT_OK;
    });
  },
});

export const undoCommand = make('undo');
export const redoCommand = make('redo');
