import fs from 'node:fs';
import path from 'node:path';
import { parse } from '../args.ts';
import { jobBar } from '../job-bar.ts';
import { EXIT_OK, UsageError, printJson, println } from '../io.ts';
import { withProject } from '../project.ts';
import type { Core } from '../../core/core.ts';
import type { Command } from './command.ts';

const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/** `--redact notes --redact documents:ID,ID` → the contract's redaction. */
export function parseRedact(values: string[]): { notes: boolean; annotators: boolean; documents: string[] } {
  const out = { notes: false, annotators: false, documents: [] as string[] };
  for (const raw of values.flatMap((v) => v.split(/,(?=notes|annotators|documents:)/))) {
    const v = raw.trim();
    if (v === 'notes') out.notes = true;
    else if (v === 'annotators') out.annotators = true;
    else if (v.startsWith('documents:')) out.documents.push(...v.slice('documents:'.length).split(',').map((x) => x.trim()).filter(Boolean));
    else throw new UsageError(`--redact takes notes, annotators or documents:ID,... (got "${v}").`);
  }
  return out;
}

/** A saved review view by its id or its name (case-insensitive, as Review lists them). */
export async function findView(core: Core, wanted: string): Promise<string> {
  const views = await core.services['review:views']({});
  const key = wanted.trim().toLowerCase();
  const found = views.find((v) => v.id === key || v.name.toLowerCase() === key);
  if (found) return found.id;
  const names = views.map((v) => `"${v.name}"`);
  throw new UsageError(`There is no saved review view named "${wanted}". ${names.length ? `Saved views: ${names.join(', ')}.` : 'This project has no saved views (save one in Review).'}`);
}

export const exportCommand: Command = {
  name: 'export',
  summary: 'Export the project, or a selection, as an annotated pack (or REFI-QDA / brat)',
  usage: `Usage: claimdesk export --out FILE [--db FILE] [--format claimpack|qdpx|brat] [--tag T]... [--document ID]...
                        [--view NAME] [--from DATE] [--to DATE] [--sign] [--redact notes|annotators|documents:ID,...] [--json]

Writes a .claimpack: the documents' text and metadata, every annotation as a W3C Web Annotation,
the sources, claims and attributions as CSV, and report.html for people without Claimdesk. The
manifest holds a SHA-256 of every file; "claimdesk verify" checks them.

Options:
  --out FILE          where to write the pack (required)
  --format F          claimpack (default), qdpx (REFI-QDA: NVivo, ATLAS.ti, MAXQDA) or brat (standoff)
  --tag T             only documents tagged T (or with a span tagged T, or a sub-tag); repeatable
  --document ID       only this document; repeatable
  --view NAME         only documents with a row in this saved review view (its name, or its id)
  --from DATE         only documents published on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD)
  --to DATE           only documents published on or before DATE
  --sign              sign the manifest with your Ed25519 key (made on first use, kept outside
                      the project in <user data>/keys; CLAIMDESK_KEYS_DIR overrides)
  --redact WHAT       leave out notes, annotators (names), or documents:ID,ID; repeatable
  --db FILE           the project file (default: default.claimdesk in the user-data folder)
  --json              print the result as JSON
Exit status: 0 written, 1 nothing written (an error, said why), 2 usage error.`,
  async run(argv, io) {
    const { values } = parse(argv, {
      out: { type: 'string' },
      format: { type: 'string' },
      tag: { type: 'string', multiple: true },
      document: { type: 'string', multiple: true },
      from: { type: 'string' },
      to: { type: 'string' },
      view: { type: 'string' },
      sign: { type: 'boolean', default: false },
      redact: { type: 'string', multiple: true },
    });
    if (typeof values.out !== 'string' || values.out === '') throw new UsageError('Say where to write the pack: --out FILE.');
    const format = (values.format as string | undefined) ?? 'claimpack';
    if (!['claimpack', 'qdpx', 'brat'].includes(format)) throw new UsageError(`--format must be claimpack, qdpx or brat (got "${format}").`);
    if (values.sign && format !== 'claimpack') throw new UsageError('Only a claimpack can be signed.');
    for (const key of ['from', 'to'] as const) {
      const v = values[key];
      if (typeof v === 'string' && !DATE.test(v)) throw new UsageError(`--${key} must be a date as YYYY, YYYY-MM or YYYY-MM-DD (got "${v}").`);
    }
    if (fs.existsSync(values.out) && fs.statSync(values.out).isDirectory()) throw new UsageError(`${values.out} is a folder; name the file to write.`);
    const redact = parseRedact((values.redact as string[] | undefined) ?? []);
    return withProject(values.db, io.env, async (core) => {
      const viewId = typeof values.view === 'string' ? await findView(core, values.view) : undefined;
      const jobId = `cli-export-${Date.now()}`;
      const stop = jobBar(core, io, { jobId, json: Boolean(values.json), label: 'Exporting', what: (p) => p.current ?? '' });
      const result = await core.dispatch('packs:export', {
        jobId, format, outPath: path.resolve(values.out as string), sign: values.sign, redact,
        ...(values.tag ? { tags: values.tag } : {}),
        ...(values.document ? { documentIds: values.document } : {}),
        ...(typeof values.from === 'string' ? { from: values.from } : {}),
        ...(typeof values.to === 'string' ? { to: values.to } : {}),
        ...(viewId ? { viewId } : {}),
      });
      stop();
      if (!result.ok) {
        if (result.error.code === 'VALIDATION') throw new UsageError(result.error.message);
        println(io.err, `claimdesk export: ${result.error.message} Nothing was written.`);
        return 1;
      }
      const out = result.value as { path: string; bytes: number; sha256: string; format: string; fingerprint: string | null; manifest: { counts: Record<string, number> } | null };
      if (values.json) printJson(io, out);
      else {
        const c = out.manifest?.counts;
        println(io.out, `Wrote ${out.path} (${out.bytes.toLocaleString('en-US')} bytes, ${out.format}).`);
        if (c) println(io.out, `${c.documents} documents, ${c.annotations} annotations, ${c.claims} claims, ${c.attributions} attributions, ${c.links} links, ${c.sources} sources.`);
        println(io.out, `SHA-256 ${out.sha256}`);
        if (out.fingerprint) println(io.out, `Signed with your key ${out.fingerprint}.`);
      }
      return EXIT_OK;
    });
  },
};
