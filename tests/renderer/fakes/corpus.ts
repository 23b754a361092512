/** The sample corpus as files, read from the fixtures (never edited). */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FakeFile } from './fake-services.ts';

export const CORPUS = join(import.meta.dirname, '../../fixtures/corpus');

export function englishReports(): FakeFile[] {
  return readdirSync(CORPUS)
    .filter((n) => /^00\d_.*\.txt$/.test(n))
    .sort()
    .map((name) => ({ name, data: new Uint8Array(readFileSync(join(CORPUS, name))) }));
}

export function arabicDocument(): FakeFile[] {
  return ['naya_foriraq-captagon.txt', 'naya_foriraq-captagon.json'].map((name) => ({
    name: `arabic/${name}`,
    data: new Uint8Array(readFileSync(join(CORPUS, 'arabic', name))),
  }));
}

export function fixtureText(relative: string): string {
  return readFileSync(join(CORPUS, relative), 'utf8');
}
