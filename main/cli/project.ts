/** Opens the project a command works on: --db FILE, else the default project in the user-data folder. */
import { createCore, type Core } from '../core/core.ts';
import { defaultProjectPath } from '../core/paths.ts';

export function openProject(db: unknown, env: NodeJS.ProcessEnv): Core {
  const file = typeof db === 'string' && db !== '' ? db : env.CLAIMDESK_DB || defaultProjectPath(env);
  return createCore({ dbPath: file, ...(env.CLAIMDESK_ANALYST ? { analystName: env.CLAIMDESK_ANALYST } : {}) });
}

export async function withProject<T>(db: unknown, env: NodeJS.ProcessEnv, fn: (core: Core) => Promise<T>): Promise<T> {
  const core = openProject(db, env);
  try {
    return await fn(core);
  } finally {
    core.close();
  }
}
