/** Opens the project a command works on: --db FILE, else the default project in the user-data folder. */
import { createCore, type Core } from '../core/core.ts';
import path from 'node:path';
import { defaultProjectPath, userDataDir } from '../core/paths.ts';

export function openProject(db: unknown, env: NodeJS.ProcessEnv): Core {
  const file = typeof db === 'string' && db !== '' ? db : env.CLAIMDESK_DB || defaultProjectPath(env);
  // Signing keys live per analyst outside any project: <userData>/keys, or CLAIMDESK_KEYS_DIR.
  const keysDir = env.CLAIMDESK_KEYS_DIR || path.join(userDataDir(env), 'keys');
  return createCore({ dbPath: file, keysDir, ...(env.CLAIMDESK_ANALYST ? { analystName: env.CLAIMDESK_ANALYST } : {}) });
}

export async function withProject<T>(db: unknown, env: NodeJS.ProcessEnv, fn: (core: Core) => Promise<T>): Promise<T> {
  const core = openProject(db, env);
  try {
    return await fn(core);
  } finally {
    core.close();
  }
}
