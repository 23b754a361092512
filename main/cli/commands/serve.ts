import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from '../args.ts';
import { EXIT_OK, UsageError, println } from '../io.ts';
import { openProject } from '../project.ts';
import { startWebHost } from '../../web/server.ts';
import type { Command } from './command.ts';

export const RENDERER_DIR = fileURLToPath(new URL('../../../out/renderer/', import.meta.url));

export const serveCommand: Command = {
  name: 'serve',
  summary: 'Run the app in your browser, on this machine only',
  usage: `Usage: claimdesk serve [--db FILE] [--port N]

Serves the app at http://127.0.0.1:PORT/ (this machine only) until you press Ctrl+C.
Build the app once first with "npm run build:renderer" ("npm run serve" does both).

Options:
  --port N    the port (default: any free port)
  --db FILE   the project file (default: default.claimdesk in the user-data folder)`,
  async run(argv, io) {
    const { values } = parse(argv, { port: { type: 'string' } });
    let port = 0;
    if (values.port !== undefined) {
      port = Number(values.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be 0-65535 (got "${String(values.port)}").`);
    }
    const core = openProject(values.db, io.env);
    let host;
    try {
      host = await startWebHost({ core, staticDir: path.resolve(RENDERER_DIR), port });
    } catch (error) {
      core.close();
      throw new UsageError((error as Error).message);
    }
    println(io.out, `Claimdesk is serving ${core.path}`);
    println(io.out, `Open ${host.url}`);
    println(io.out, 'Press Ctrl+C to stop.');
    await new Promise<void>((resolve) => {
      const stop = () => resolve();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    await host.close();
    core.close();
    return EXIT_OK;
  },
};
