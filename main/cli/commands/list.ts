import { parse } from '../args.ts';
import { EXIT_OK, printJson, println } from '../io.ts';
import { withProject } from '../project.ts';
import type { Command } from './command.ts';

export const listCommand: Command = {
  name: 'list',
  summary: 'List the documents in the project',
  usage: `Usage: claimdesk list [--db FILE] [--json]

Lists every document: title, outlet, published date, language and words, oldest import first.

Options:
  --db FILE   the project file (default: default.claimdesk in the user-data folder)
  --json      print {"total", "documents": [...]} as JSON`,
  async run(argv, io) {
    const { values } = parse(argv, {});
    return withProject(values.db, io.env, async (core) => {
      const { total, items } = await core.services['documents:list']({ offset: 0, limit: 5000 });
      const all = [...items];
      while (all.length < total) {
        const page = await core.services['documents:list']({ offset: all.length, limit: 5000 });
        if (page.items.length === 0) break;
        all.push(...page.items);
      }
      if (values.json) {
        printJson(io, { total, documents: all });
        return EXIT_OK;
      }
      if (total === 0) {
        println(io.out, 'No documents yet. Import some with: claimdesk import <file|folder>');
        return EXIT_OK;
      }
      for (const d of all) {
        const meta = [d.outlet, d.published, d.language, `${d.wordCount} words`].filter(Boolean).join(' · ');
        println(io.out, `${d.id}  ${d.title ?? '(untitled)'}`);
        println(io.out, `    ${meta}`);
      }
      println(io.out, `${total} document${total === 1 ? '' : 's'}.`);
      return EXIT_OK;
    });
  },
};
