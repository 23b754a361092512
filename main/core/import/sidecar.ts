/**
 * The metadata file that may travel with a text (`article.txt` + `article.json`). It comes from
 * outside, so it is parsed defensively: known fields are validated with zod and named in every error;
 * unknown fields are kept in `extra` as data, never used; keys that could reach an object's prototype
 * (`__proto__`, `constructor`, `prototype`) are refused outright, at any depth.
 */
import { z } from 'zod';
import { ImportError } from './import-error.ts';
import { parseIsoPartialDate } from './partial-date.ts';

export interface SidecarMeta {
  title: string | null;
  outlet: string | null;
  author: string | null;
  url: string | null;
  /** A partial ISO date: YYYY, YYYY-MM or YYYY-MM-DD. */
  published: string | null;
  /** A BCP 47 language tag as given ("ar", "en-GB"). */
  language: string | null;
  /** Every other field, as parsed. Shown to the analyst, never used to fill anything in. */
  extra: Record<string, unknown>;
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const LANGUAGE_TAG = /^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$/;

const isWebUrl = (value: string): boolean => {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
};

/** What each field must be, as the error message says it. */
const EXPECTED = {
  title: 'must be text',
  outlet: 'must be text',
  author: 'must be text',
  url: 'must be a web address starting with http:// or https://',
  published: 'must be a date like 2024, 2024-01, 2024-01-28 or 2024-01-28T09:30:00Z',
  language: 'must be a language tag like "ar" or "en-GB"',
} as const;
type Field = keyof typeof EXPECTED;

const optional = <T extends z.ZodType>(schema: T) => schema.nullable().optional();
const Schema = z.object({
  title: optional(z.string()),
  outlet: optional(z.string()),
  author: optional(z.string()),
  url: optional(z.string().trim().refine(isWebUrl)),
  published: optional(z.string().refine((v) => parseIsoPartialDate(v) !== null)),
  language: optional(z.string().trim().regex(LANGUAGE_TAG)),
});

/** Parses a sidecar's bytes. Throws ImportError BAD_SIDECAR naming the line, column or field at fault. */
export function parseSidecar(bytes: Uint8Array): SidecarMeta {
  const json = parseJson(decodeJsonText(bytes));
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    throw bad(`The metadata file (.json) must hold one JSON object ({ ... }), not ${describe(json)}.`);
  }
  const record = json as Record<string, unknown>;
  const parsed = Schema.safeParse(record);
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((issue) => String(issue.path[0])))] as Field[];
    const field = fields[0]!;
    throw bad(`In the metadata file (.json), "${field}" ${EXPECTED[field]}, not ${describe(record[field])}.`, {
      fields,
    });
  }
  const v = parsed.data;
  const extra: Record<string, unknown> = {};
  for (const key of Object.keys(record)) if (!Object.hasOwn(EXPECTED, key)) extra[key] = record[key];
  return {
    title: clean(v.title),
    outlet: clean(v.outlet),
    author: clean(v.author),
    url: clean(v.url),
    published: v.published == null ? null : parseIsoPartialDate(v.published),
    language: clean(v.language),
    extra,
  };
}

/** Trimmed text, or null for absent, null or blank. */
function clean(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

/** JSON is UTF-8 (RFC 8259); a BOM is tolerated, as Windows editors add one. */
function decodeJsonText(bytes: Uint8Array): string {
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes.subarray(start));
  } catch {
    throw bad('The metadata file (.json) is not UTF-8 text. Save it as UTF-8 and import again.');
  }
}

class ForbiddenKey extends Error {
  constructor(readonly key: string) {
    super(key);
  }
}

function parseJson(text: string): unknown {
  try {
    // The reviver sees every key at every depth, after JSON escapes are decoded ("\u005f_proto__").
    return JSON.parse(text, function (key, value: unknown) {
      if (FORBIDDEN_KEYS.has(key)) throw new ForbiddenKey(key);
      return value;
    });
  } catch (e) {
    if (e instanceof ForbiddenKey) {
      throw bad(`The metadata file (.json) contains the key "${e.key}", which is refused for safety.`, { key: e.key });
    }
    throw bad(`The metadata file (.json) is not valid JSON: ${syntaxProblem(text, e)}.`);
  }
}

/** V8's message, with "at position N" turned into a line and column a person can find. */
function syntaxProblem(text: string, e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  if (text.trim() === '') return 'it is empty';
  const problem = message
    .replace(/ in JSON at position \d+.*$/s, '')
    .replace(/, ".*" is not valid JSON$/s, '')
    .replace(/ of JSON input$/, '');
  const lower = problem.charAt(0).toLowerCase() + problem.slice(1);
  const position = /at position (\d+)/.exec(message)?.[1];
  const at = position !== undefined ? Number(position) : /end of JSON input/.test(message) ? text.length : -1;
  if (at < 0) return lower;
  const before = text.slice(0, at);
  const line = before.split('\n').length;
  const column = at - before.lastIndexOf('\n');
  return `${lower} at line ${line}, column ${column}`;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  switch (typeof value) {
    case 'string':
      return `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
    case 'number':
      return 'a number';
    case 'boolean':
      return 'true/false';
    case 'object':
      return 'an object';
    default:
      return typeof value;
  }
}

function bad(message: string, details?: unknown): ImportError {
  return new ImportError('BAD_SIDECAR', message, details);
}
