import fs from 'node:fs';
import path from 'node:path';
import { parse } from '../args.ts';
import { EXIT_OK, EXIT_SOME_FAILED, UsageError, printJson, println, type Io } from '../io.ts';
import { verifyPack } from '../../core/packs/pack-verify.ts';
import type { PackProblem, VerifyReport } from '../../../shared/pack-schemas.ts';
import type { Command } from './command.ts';

export function readPackFile(file: string): Uint8Array {
  if (!fs.existsSync(file)) throw new UsageError(`There is no file ${file}.`);
  if (fs.statSync(file).isDirectory()) throw new UsageError(`${file} is a folder, not a pack.`);
  return fs.readFileSync(file);
}

const where = (p: PackProblem) => [p.file, p.record, p.field].filter(Boolean).join(' › ');

export function printProblems(io: Io, report: VerifyReport): void {
  for (const p of report.problems) println(io.err, `  ✗ ${where(p) ? `${where(p)}: ` : ''}${p.message} [${p.code}]`);
  for (const w of report.warnings) println(io.err, `  ! ${w.message} [${w.code}]`);
}

export const verifyCommand: Command = {
  name: 'verify',
  summary: 'Check a pack (zip, manifest, hashes, records, anchors, signature) without writing anything',
  usage: `Usage: claimdesk verify FILE.claimpack [--json]

Checks, before anything could be written: the zip's structure (unsafe paths, duplicates, sizes),
the manifest and format version, every file's SHA-256, every record against its schema, and every
annotation against its document's text. Reports the signer's key fingerprint when the pack is signed.
An unsigned pack's hashes prove its integrity only, not who made it.

Options:
  --json   print the verify report as JSON
Exit status: 0 sound, 1 refused (the problems are listed), 2 usage error.`,
  async run(argv, io) {
    const { values, positionals } = parse(argv, {});
    if (positionals.length !== 1) throw new UsageError('Name one pack to verify.');
    const file = positionals[0]!;
    const data = readPackFile(file);
    // A large pack takes seconds: say so on a terminal (stderr; stdout keeps only the result).
    if (!values.json && io.err.isTTY) println(io.err, `Checking ${path.basename(file)}…`);
    const { report } = verifyPack(data, undefined, undefined, { keepAnnotations: false });
    if (values.json) printJson(io, report);
    else {
      const m = report.manifest;
      if (report.ok) {
        println(io.out, `${file}: sound. ${m ? `Format ${m.version}, made ${m.created}${m.creator ? ` by ${m.creator}` : ''}; ${m.counts.documents} documents, ${m.counts.annotations} annotations.` : ''}`);
      } else println(io.err, `${file}: refused (${report.problems.length} problem${report.problems.length === 1 ? '' : 's'}).`);
      println(report.ok ? io.out : io.err, `Signature: ${report.signature.message}`);
      printProblems(io, report);
    }
    return report.ok ? EXIT_OK : EXIT_SOME_FAILED;
  },
};
