/**
 * JSON from a pack, parsed without letting it reach an object's prototype: a record with a
 * `__proto__`, `constructor` or `prototype` key, at any depth (escaped spellings included, since
 * the check runs on the parsed keys), is refused with the path of the key. JSON.parse itself creates
 * such keys as own properties, so the danger is in code that later copies or merges them; refusing
 * them at the door means no later code has to remember.
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
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new PackError('BAD_JSON', `${file} is not valid JSON: ${(error as Error).message}`, file);
  }
  const where = mayHoldForbiddenKey(text) ? forbiddenKey(value) : null;
  if (where !== null) {
    throw new PackError('FORBIDDEN_KEY', `${file} has a "${where.key}" key (at ${where.path}); such keys are refused in pack records.`, file);
  }
  return value;
}

/**
 * Whether the text could spell a forbidden key at all: in JSON a key is either written out or built
 * with `\u` escapes, so text with neither cannot hold one and the walk over the parsed value (0.4 s
 * on a 100 MB annotation file) is skipped. Text that merely mentions the words is walked as before.
 */
function mayHoldForbiddenKey(text: string): boolean {
  return text.includes('\\u') || text.includes('__proto__') || text.includes('constructor') || text.includes('prototype');
}

/**
 * The first forbidden key and its path, or null. An explicit stack, not a reviver: a reviver costs
 * a call per value, several times slower on a 100 MB annotation file. Paths are built only for the
 * key found, by walking down again.
 */
function forbiddenKey(root: unknown): { key: string; path: string } | null {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const v = stack.pop();
    if (v === null || typeof v !== 'object') continue;
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        const x: unknown = v[i];
        if (x !== null && typeof x === 'object') stack.push(x);
      }
      continue;
    }
    for (const k of Object.keys(v)) {
      if (FORBIDDEN.has(k)) return { key: k, path: findKey(root, k) ?? k };
      const x = (v as Record<string, unknown>)[k];
      if (x !== null && typeof x === 'object') stack.push(x);
    }
  }
  return null;
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
