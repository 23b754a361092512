/** SQL for the project's own identity and its analysts. */
import os from 'node:os';
import type { Db } from '../store/database.ts';
import { newId } from '../ids.ts';
import { ValidationError } from '../errors.ts';

export interface ProjectIdentity {
  projectId: string;
  analystId: string;
  analystName: string;
}

/**
 * Returns the project's id and current analyst, creating both on first open. The analyst is a stable
 * id with a display name (the OS user's name unless one is given), stored in the project so that
 * every logged operation names who did it.
 */
export function ensureIdentity(db: Db, analystName?: string): ProjectIdentity {
  const get = db.prepare(`SELECT value FROM project_meta WHERE key = ?`).pluck();
  const set = db.prepare(`INSERT OR REPLACE INTO project_meta (key, value) VALUES (?, ?)`);
  return db.transaction(() => {
    let projectId = get.get('project_id') as string | undefined;
    if (!projectId) {
      projectId = newId();
      set.run('project_id', projectId);
      set.run('created_at', new Date().toISOString());
    }
    let analystId = get.get('analyst_id') as string | undefined;
    const name = analystName?.trim() || defaultAnalystName();
    if (!analystId) {
      analystId = newId();
      db.prepare(`INSERT INTO analysts (id, display_name, created_at) VALUES (?, ?, ?)`).run(
        analystId, name, new Date().toISOString(),
      );
      set.run('analyst_id', analystId);
    } else if (analystName?.trim()) {
      db.prepare(`UPDATE analysts SET display_name = ? WHERE id = ?`).run(name, analystId);
    }
    const analyst = db.prepare(`SELECT display_name FROM analysts WHERE id = ?`).pluck().get(analystId) as string;
    return { projectId, analystId, analystName: analyst };
  })();
}

/**
 * A new display name for an analyst (history and annotations read it through the id), trimmed;
 * returns it. Refused: nothing left once trimmed, more than 200 characters, a control character.
 */
export function renameAnalyst(db: Db, analystId: string, name: string): string {
  const clean = name.trim();
  if (clean === '') throw new ValidationError('Give a name.');
  if (clean.length > 200) throw new ValidationError('At most 200 characters.');
  if (/\p{Cc}/u.test(clean)) throw new ValidationError('A name cannot hold control characters.');
  db.prepare(`UPDATE analysts SET display_name = ? WHERE id = ?`).run(clean, analystId);
  return clean;
}

function defaultAnalystName(): string {
  try {
    return os.userInfo().username || 'Analyst';
  } catch {
    return 'Analyst';
  }
}

export function getMeta(db: Db, key: string): string | undefined {
  return db.prepare(`SELECT value FROM project_meta WHERE key = ?`).pluck().get(key) as string | undefined;
}

export function setMeta(db: Db, key: string, value: string): void {
  db.prepare(`INSERT OR REPLACE INTO project_meta (key, value) VALUES (?, ?)`).run(key, value);
}
