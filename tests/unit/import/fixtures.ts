/** Paths to the import fixtures and the sample corpus, and a helper to catch an ImportError. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ImportError } from '../../../main/core/import/import-error.ts';

export const IMPORT_FIXTURES = fileURLToPath(new URL('../../fixtures/import/', import.meta.url));
export const CORPUS = fileURLToPath(new URL('../../fixtures/corpus/', import.meta.url));

export const fixtureBytes = (rel: string): Uint8Array => readFileSync(IMPORT_FIXTURES + rel);
export const corpusBytes = (rel: string): Uint8Array => readFileSync(CORPUS + rel);
export const corpusText = (rel: string): string => readFileSync(CORPUS + rel, 'utf8');

export interface ExpectedText {
  encoding: string;
  text: string;
  normalized?: string;
}
/** Written by make-fixtures.mjs from UTF-8 sources: what each encoded fixture must decode to. */
export const expected = JSON.parse(readFileSync(IMPORT_FIXTURES + 'expected.json', 'utf8')) as Record<
  string,
  unknown
>;
export const expectedTexts = Object.entries(expected).filter(
  (e): e is [string, ExpectedText] => typeof (e[1] as ExpectedText).text === 'string',
);

/** Runs `fn` and returns the ImportError it throws; fails the test if it throws nothing or something else. */
export function importErrorOf(fn: () => unknown): ImportError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ImportError) return e;
    throw e;
  }
  throw new Error('expected an ImportError, but nothing was thrown');
}

export async function asyncImportErrorOf(fn: () => Promise<unknown>): Promise<ImportError> {
  try {
    await fn();
  } catch (e) {
    if (e instanceof ImportError) return e;
    throw e;
  }
  throw new Error('expected an ImportError, but nothing was thrown');
}
