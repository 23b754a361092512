import { PassThrough } from 'node:stream';
import { main } from '../../../main/cli/index.ts';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the claimdesk command in-process with captured output; `tty` makes stderr a terminal. */
export async function runCli(argv: string[], env: NodeJS.ProcessEnv = {}, o: { tty?: boolean } = {}): Promise<CliRun> {
  const out = new PassThrough();
  // A terminal on stderr (progress bars are drawn only there), when a test asks for one.
  const err = Object.assign(new PassThrough(), o.tty ? { isTTY: true, columns: 120 } : {});
  let stdout = '';
  let stderr = '';
  out.on('data', (c: Buffer) => (stdout += c.toString()));
  err.on('data', (c: Buffer) => (stderr += c.toString()));
  const code = await main(argv, { out, err, env: { ...env, NO_COLOR: '1' } });
  return { code, stdout, stderr };
}
