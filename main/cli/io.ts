/**
 * Output for the claimdesk command: what goes to stdout (results), what goes to stderr (progress,
 * errors), and the exit codes. No stack trace ever reaches a user; CLAIMDESK_DEBUG=1 shows it.
 */
import type { Writable } from 'node:stream';

export const EXIT_OK = 0;
export const EXIT_SOME_FAILED = 1;
export const EXIT_USAGE = 2;

export interface Io {
  out: Writable & { isTTY?: boolean };
  err: Writable & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
}

export const defaultIo = (): Io => ({ out: process.stdout, err: process.stderr, env: process.env });

export class UsageError extends Error {}

export function println(stream: Writable, text = ''): void {
  stream.write(text + '\n');
}

export function printJson(io: Io, value: unknown): void {
  println(io.out, JSON.stringify(value, null, 2));
}

/** Bold on a terminal, [brackets] in a pipe, so matches stay visible either way. */
export function emphasise(io: Io, text: string): string {
  return io.out.isTTY && !io.env.NO_COLOR ? `\x1b[1m${text}\x1b[22m` : `[${text}]`;
}
