/**
 * Where projects live by default: `default.claimdesk` in the platform's user-data folder, the same
 * folder Electron's `app.getPath('userData')` gives for an app named "Claimdesk" (XDG on Linux,
 * Application Support on macOS, AppData on Windows), so the CLI and the desktop app share it.
 */
import os from 'node:os';
import path from 'node:path';

export const APP_NAME = 'Claimdesk';
export const DEFAULT_PROJECT_FILE = 'default.claimdesk';

export function userDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  const home = os.homedir();
  switch (platform) {
    case 'win32':
      return path.join(env.APPDATA || path.join(home, 'AppData', 'Roaming'), APP_NAME);
    case 'darwin':
      return path.join(home, 'Library', 'Application Support', APP_NAME);
    default:
      return path.join(env.XDG_CONFIG_HOME || path.join(home, '.config'), APP_NAME);
  }
}

export const defaultProjectPath = (env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string =>
  path.join(userDataDir(env, platform), DEFAULT_PROJECT_FILE);
