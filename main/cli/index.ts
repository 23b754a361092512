/**
 * The claimdesk command. Each subcommand is a thin adapter over the core; this file routes, prints
 * help, and turns every failure into a message and an exit code (0 ok, 1 some inputs failed,
 * 2 usage error). A user never sees a stack trace; CLAIMDESK_DEBUG=1 prints it for a developer.
 */
import { DomainError } from '../core/errors.ts';
import { disputesCommand } from './commands/disputes.ts';
import { exportCommand } from './commands/export.ts';
import { figuresCommand } from './commands/figures.ts';
import { importCommand } from './commands/import.ts';
import { importPackCommand } from './commands/import-pack.ts';
import { listCommand } from './commands/list.ts';
import { mergesCommand } from './commands/merges.ts';
import { reviewCommand } from './commands/review.ts';
import { settleCommand } from './commands/settle.ts';
import { sourcesCommand } from './commands/sources.ts';
import { whoamiCommand } from './commands/whoami.ts';
import { searchCommand } from './commands/search.ts';
import { serveCommand } from './commands/serve.ts';
import { redoCommand, undoCommand } from './commands/undo.ts';
import { verifyCommand } from './commands/verify.ts';
import type { Command } from './commands/command.ts';
import { EXIT_SOME_FAILED, EXIT_USAGE, UsageError, defaultIo, println, type Io } from './io.ts';

export const commands: Command[] = [
  importCommand, listCommand, searchCommand, reviewCommand, disputesCommand, sourcesCommand, figuresCommand, undoCommand, redoCommand, serveCommand, exportCommand, verifyCommand, importPackCommand, mergesCommand, settleCommand, whoamiCommand,
];

function overview(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'Claimdesk: record what is claimed, who claims it, through which channel, and what is disputed.',
    '',
    'Usage: claimdesk <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Every command takes --db FILE (default: default.claimdesk in the user-data folder) and --help.',
    'Run "claimdesk <command> --help" for its options.',
  ].join('\n');
}

export async function main(argv: string[], io: Io = defaultIo()): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const topic = name === 'help' ? commands.find((c) => c.name === rest[0]) : undefined;
    println(name === undefined ? io.err : io.out, topic ? topic.usage : overview());
    return name === undefined ? EXIT_USAGE : 0;
  }
  if (name === '--version' || name === '-v') {
    println(io.out, '0.1.0');
    return 0;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    println(io.err, `claimdesk: there is no command "${name}".\n\n${overview()}`);
    return EXIT_USAGE;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    println(io.out, command.usage);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      println(io.err, `claimdesk ${name}: ${error.message}\nRun "claimdesk ${name} --help" for usage.`);
      return EXIT_USAGE;
    }
    if (error instanceof DomainError) {
      println(io.err, `claimdesk ${name}: ${error.message}`);
      return error.code === 'QUERY_SYNTAX' || error.code === 'EMPTY_QUERY' ? EXIT_USAGE : EXIT_SOME_FAILED;
    }
    if (io.env.CLAIMDESK_DEBUG) println(io.err, (error as Error).stack ?? String(error));
    println(io.err, `claimdesk ${name}: an unexpected error stopped the command (${(error as Error).message ?? error}). Nothing half-done was kept.`);
    return EXIT_SOME_FAILED;
  }
}
