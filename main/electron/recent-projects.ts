/**
 * The Open Recent list: a small JSON file in the user-data folder, most recent first. A missing or
 * damaged file is an empty list (it is a convenience, never a reason to fail); writes go to a
 * temporary file first and are renamed into place, so a crash never leaves half a file.
 */
import fs from 'node:fs';
import path from 'node:path';

export const RECENT_FILE = 'recent-projects.json';
export const RECENT_MAX = 10;

export interface RecentProjects {
  list(): string[];
  add(file: string): string[];
  remove(file: string): string[];
  clear(): string[];
}

interface StoredRecent {
  version: 1;
  projects: string[];
}

/** Same file, spelt differently? On Windows and macOS paths compare case-insensitively. */
const sameFile = (a: string, b: string, platform: NodeJS.Platform): boolean =>
  platform === 'linux' ? a === b : a.toLowerCase() === b.toLowerCase();

export function createRecentProjects(file: string, platform: NodeJS.Platform = process.platform): RecentProjects {
  const read = (): string[] => {
    try {
      const data = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<StoredRecent>;
      if (!Array.isArray(data.projects)) return [];
      return data.projects.filter((p): p is string => typeof p === 'string' && path.isAbsolute(p)).slice(0, RECENT_MAX);
    } catch {
      return [];
    }
  };

  const write = (projects: string[]): string[] => {
    const stored: StoredRecent = { version: 1, projects };
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, `${JSON.stringify(stored, null, 2)}\n`);
    fs.renameSync(tmp, file);
    return projects;
  };

  return {
    list: read,
    add: (project) => {
      const abs = path.resolve(project);
      return write([abs, ...read().filter((p) => !sameFile(p, abs, platform))].slice(0, RECENT_MAX));
    },
    remove: (project) => {
      const abs = path.resolve(project);
      return write(read().filter((p) => !sameFile(p, abs, platform)));
    },
    clear: () => write([]),
  };
}
