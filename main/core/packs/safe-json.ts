/**
 * JSON from a pack, parsed without letting it reach an object's prototype: a record with a
 * `__proto__`, `constructor` or `prototype` key, at any depth, is refused with the path of the key.
 * JSON.parse itself creates such keys as own properties, so the danger is in code that later copies
 * or merges them; refusing them at the door means no later code has to remember.
 */
import { PackError } from './zip-reader.ts';

const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Bytes to text; a file that is not valid UTF-8 is refused. */
export function decodeUtf8(bytes: Uint8Array, file: string): string {
  try {
    return utf8.decode(bytes);
  } catch {
    throw new PackError('BAD_ENCODING', `${file} is not valid UTF-8.`, file);
  }
}

export function parseSafeJson(text: string, file: string): unknown {
  let found: string | null = null;
  let value: unknown;
  try {
    value = JSON.parse(text, function (key: string, v: unknown) {
      if (found === null && FORBIDDEN.has(key)) found = key;
      return v;
    });
  } catch (error) {
    throw new PackError('BAD_JSON', `${file} is not valid JSON: ${(error as Error).message}`, file);
  }
  if (found !== null) {
    const where = findKey(value, found) ?? found;
    throw new PackError('FORBIDDEN_KEY', `${file} has a "${found}" key (at ${where}); such keys are refused in pack records.`, file);
  }
  return value;
}

/** The path of the first forbidden key, for the message. */
function findKey(value: unknown, key: string, path = '$'): string | null {
  if (value === null || typeof value !== 'object') return null;
  for (const k of Object.keys(value)) {
    const child = `${path}${Array.isArray(value) ? `[${k}]` : `.${k}`}`;
    if (k === key) return child;
    const inner = findKey((value as Record<string, unknown>)[k], key, child);
    if (inner) return inner;
  }
  return null;
}
