import { parse } from '../args.ts';
import { EXIT_OK, UsageError, printJson, println } from '../io.ts';
import { withProject } from '../project.ts';
import type { Command } from './command.ts';

export const whoamiCommand: Command = {
  name: 'whoami',
  summary: 'Show or change the analyst’s name, as the history and exported packs give it',
  usage: `Usage: claimdesk whoami [--set NAME] [--db FILE] [--json]

Prints the name the project gives its analyst: in the history beside everything they did, and as
the creator of the packs they export. A project starts with the computer's user name. --set renames
the analyst (the history of what they did before included); the app's button beside Undo does the
same.

Options:
  --set NAME   the new name (1 to 200 characters, no control characters)
  --db FILE    the project file (default: default.claimdesk in the user-data folder)
  --json       print {"id", "name"} as JSON`,
  async run(argv, io) {
    const { values, positionals } = parse(argv, { set: { type: 'string' } });
    if (positionals.length > 0) throw new UsageError(`Unexpected "${positionals[0]}": give a new name with --set "NAME".`);
    return withProject(values.db, io.env, async (core) => {
      const info = values.set === undefined ? await core.services['project:info']({}) : await core.services['project:setAnalystName']({ name: values.set as string });
      if (values.json) printJson(io, { id: info.analyst.id, name: info.analyst.displayName });
      else println(io.out, info.analyst.displayName);
      return EXIT_OK;
    });
  },
};
