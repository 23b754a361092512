import { SingleBar } from 'cli-progress';
import { parse } from '../args.ts';
import { EXIT_OK, EXIT_SOME_FAILED, UsageError, printJson, println } from '../io.ts';
import { withProject } from '../project.ts';
import type { Command } from './command.ts';

export const importCommand: Command = {
  name: 'import',
  summary: 'Import .txt and .md files and folders (with optional .json metadata sidecars)',
  usage: `Usage: claimdesk import <file|folder>... [--db FILE] [--json]

Imports text files (.txt, .md) and folders of them, recursively. A JSON file with the same name
(article.txt + article.json) supplies metadata: title, outlet, author, url, published.
Without one, the title, byline and date are proposed from the text.

The same text imported twice is stored once; the second import is recorded and reported as a
duplicate. A file that cannot be imported is reported with the reason; the others still import.
The whole batch is one undo step ("claimdesk undo").

Options:
  --db FILE   the project file (default: default.claimdesk in the user-data folder)
  --json      print the per-file report as JSON
Exit status: 0 all imported, 1 some files failed, 2 usage error.`,
  async run(argv, io) {
    const { values, positionals } = parse(argv, {});
    if (positionals.length === 0) throw new UsageError('Name at least one file or folder to import.');
    return withProject(values.db, io.env, async (core) => {
      const showBar = !values.json && Boolean(io.err.isTTY);
      const bar = new SingleBar(
        { stream: io.err, format: 'Importing [{bar}] {value}/{total} {file}', hideCursor: true, clearOnComplete: true },
      );
      let started = false;
      const report = await core.importPaths(positionals, {
        onProgress: (p) => {
          if (!showBar || p.phase !== 'writing') return;
          if (!started) {
            bar.start(p.total, 0, { file: '' });
            started = true;
          }
          bar.update(p.done, { file: p.current ?? '' });
        },
      });
      if (started) bar.stop();
      if (values.json) {
        printJson(io, report);
      } else {
        for (const f of report.files) {
          if (f.status === 'failed') println(io.err, `failed     ${f.file}: ${f.reason}`);
          else println(io.out, `${f.status.padEnd(10)} ${f.file}${f.title ? `  “${f.title}”` : ''}`);
        }
        println(io.out, `${report.imported} imported, ${report.duplicates} duplicate${report.duplicates === 1 ? '' : 's'}, ${report.failed} failed.`);
      }
      return report.failed > 0 ? EXIT_SOME_FAILED : EXIT_OK;
    });
  },
};
