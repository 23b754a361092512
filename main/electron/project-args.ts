/**
 * Finding a project file among command-line arguments: how Linux and Windows hand a double-clicked
 * `.claimdesk` file to the app (macOS uses the `open-file` event instead), both at start and when a
 * second instance forwards its arguments to the first.
 */
import path from 'node:path';

export const PROJECT_EXTENSION = '.claimdesk';

export const isProjectFile = (file: string): boolean => file.toLowerCase().endsWith(PROJECT_EXTENSION);

/**
 * The first argument that names a `.claimdesk` file, made absolute against `cwd` (the second
 * instance's own working directory), or null. Flags (`--x`, `-x`) are skipped; so is argv[0].
 */
export function findProjectArg(argv: readonly string[], cwd: string): string | null {
  for (const arg of argv.slice(1)) {
    if (arg.startsWith('-')) continue;
    if (isProjectFile(arg)) return path.resolve(cwd, arg);
  }
  return null;
}
