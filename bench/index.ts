/**
 * `npm run bench`: runs the benchmarks, prints their figures next to the budgets of ARCHITECTURE.md,
 * and writes every figure with machine info and parameters to bench/results/ (gitignored).
 *
 *   npm run bench                                        everything, at full scale
 *   npm run bench -- --only import-search --docs 20000   one benchmark, smaller
 *   npm run bench -- --list                              benchmarks and their options
 *
 * A benchmark is a module exporting a `Benchmark` (benchmark.ts); add it to BENCHMARKS below. Options
 * are declared by each benchmark with a default, and `--name value` sets them for every selected
 * benchmark that declares `name`. Missed budgets are reported, not failed (STYLE.md rule 11): the exit
 * code is non-zero only when a benchmark could not run.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { verdict, type Benchmark, type BenchContext, type OptionValue } from './benchmark.ts';
import { importSearch } from './import-search.ts';
import { packs } from './packs.ts';
import { reviewGrid } from './review-grid.ts';
import { annotationStore } from './annotation-store.ts';
import { annotateRender } from './annotate-render.ts';
import { machineInfo, renderTable, writeResults, type RunRecord } from './report.ts';

/** Every benchmark, in the order `npm run bench` runs them. */
export const BENCHMARKS: Benchmark[] = [importSearch, annotationStore, annotateRender, packs, reviewGrid];

const DEFAULT_OUT = fileURLToPath(new URL('./results/', import.meta.url));

interface Cli {
  only: string[] | null;
  out: string;
  list: boolean;
  help: boolean;
  values: Map<string, string | true>;
}

class UsageError extends Error {}

function parseArgs(argv: string[]): Cli {
  const cli: Cli = { only: null, out: DEFAULT_OUT, list: false, help: false, values: new Map() };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (!arg.startsWith('--')) throw new UsageError(`Unexpected argument ${arg}.`);
    const eq = arg.indexOf('=');
    const name = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
    const next = argv[i + 1];
    const value = (): string => {
      if (eq >= 0) return arg.slice(eq + 1);
      if (next === undefined || next.startsWith('--')) throw new UsageError(`--${name} needs a value.`);
      i++;
      return next;
    };
    if (name === 'help' || name === 'h') cli.help = true;
    else if (name === 'list') cli.list = true;
    else if (name === 'only') cli.only = value().split(',').map((s) => s.trim()).filter(Boolean);
    else if (name === 'out') cli.out = path.resolve(value());
    else if (name.startsWith('no-')) cli.values.set(name.slice(3), 'false');
    else if (eq >= 0 || (next !== undefined && !next.startsWith('--'))) cli.values.set(name, value());
    else cli.values.set(name, true);
  }
  return cli;
}

/** This benchmark's options: its defaults, overridden by the command line, parsed to their type. */
function optionsFor(b: Benchmark, values: Map<string, string | true>): Record<string, OptionValue> {
  const out: Record<string, OptionValue> = {};
  for (const [name, spec] of Object.entries(b.options)) {
    const given = values.get(name);
    if (given === undefined) {
      out[name] = spec.default;
    } else if (typeof spec.default === 'boolean') {
      if (given !== true && given !== 'true' && given !== 'false') throw new UsageError(`--${name} is a switch (--${name} or --no-${name}).`);
      out[name] = given === true || given === 'true';
    } else if (typeof spec.default === 'number') {
      const n = Number(given);
      if (given === true || !Number.isFinite(n) || n <= 0) throw new UsageError(`--${name} needs a positive number.`);
      out[name] = n;
    } else {
      if (given === true) throw new UsageError(`--${name} needs a value.`);
      out[name] = given;
    }
  }
  return out;
}

function usage(): string {
  const lines = ['Usage: npm run bench -- [--only name[,name]] [--out dir] [--list] [--option value ...]', '', 'Benchmarks:'];
  for (const b of BENCHMARKS) {
    lines.push(`  ${b.name}: ${b.description}`);
    for (const [name, spec] of Object.entries(b.options)) {
      const flag = typeof spec.default === 'boolean' ? `--[no-]${name}` : `--${name} <${typeof spec.default}>`;
      lines.push(`      ${flag.padEnd(26)} ${spec.help} (default ${String(spec.default)})`);
    }
  }
  return lines.join('\n');
}

export async function main(argv: string[]): Promise<number> {
  let cli: Cli;
  let selected: Benchmark[];
  let options: Map<Benchmark, Record<string, OptionValue>>;
  try {
    cli = parseArgs(argv);
    if (cli.help || cli.list) {
      console.log(usage());
      return 0;
    }
    const only = cli.only;
    const unknown = only?.filter((n) => !BENCHMARKS.some((b) => b.name === n)) ?? [];
    if (unknown.length > 0) throw new UsageError(`No benchmark named ${unknown.join(', ')}; there are: ${BENCHMARKS.map((b) => b.name).join(', ')}.`);
    selected = only ? BENCHMARKS.filter((b) => only.includes(b.name)) : BENCHMARKS;
    const known = new Set(selected.flatMap((b) => Object.keys(b.options)));
    const stray = [...cli.values.keys()].filter((k) => !known.has(k));
    if (stray.length > 0) throw new UsageError(`Unknown option ${stray.map((s) => `--${s}`).join(', ')} for ${selected.map((b) => b.name).join(', ')}.`);
    options = new Map(selected.map((b) => [b, optionsFor(b, cli.values)]));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`${error.message}\n\n${usage()}`);
    return 2;
  }

  const tempDirs: string[] = [];
  const cleanUp = (): void => {
    for (const d of tempDirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  };
  const onSignal = (): void => {
    cleanUp();
    process.exit(130);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  const started = new Date();
  const t0 = performance.now();
  const machine = machineInfo();
  const elapsed = (): string => `${((performance.now() - t0) / 1000).toFixed(1).padStart(6)}s`;
  console.log(
    `Claimdesk benchmarks: ${machine.cpus} × ${machine.cpuModel}, ${machine.totalMemoryMB.toLocaleString('en-US')} MB, ` +
      `node ${machine.node}, SQLite ${machine.sqlite} (better-sqlite3 ${machine.betterSqlite3}), temp ${machine.tmpdir}, ` +
      `load average ${machine.loadAverage.join(' ')}`,
  );
  const record: RunRecord = { startedAt: started.toISOString(), finishedAt: '', durationSeconds: 0, loadAverageAtEnd: [], argv, machine, benchmarks: {} };
  let failures = 0;
  try {
    for (const b of selected) {
      const opts = options.get(b) ?? {};
      const ctx: BenchContext = {
        options: opts,
        tempDir: (label) => {
          const dir = fs.mkdtempSync(path.join(os.tmpdir(), `claimdesk-bench-${b.name}-${label}-`));
          tempDirs.push(dir);
          return dir;
        },
        log: (message) => console.error(`[${elapsed()}] ${b.name}: ${message}`),
      };
      ctx.log(`options ${JSON.stringify(opts)}`);
      try {
        const result = await b.run(ctx);
        record.benchmarks[b.name] = { options: opts, ...result };
        console.log(`\n${renderTable(b.name, result.figures)}`);
        for (const n of result.notes) console.log(`  - ${n}`);
        const missed = result.figures.filter((f) => verdict(f) === 'MISS').map((f) => f.label);
        const budgeted = result.figures.filter((f) => f.budget).length;
        console.log(`  ${budgeted - missed.length} of ${budgeted} budgets met${missed.length > 0 ? `; missed: ${missed.join('; ')}` : ''}`);
      } catch (error) {
        failures++;
        console.error(`${b.name} failed:`, error);
      } finally {
        cleanUp();
      }
    }
  } finally {
    cleanUp();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
  record.finishedAt = new Date().toISOString();
  record.durationSeconds = (performance.now() - t0) / 1000;
  record.loadAverageAtEnd = os.loadavg().map((l) => Math.round(l * 100) / 100);
  if (machine.cpus > 0 && Math.max(machine.loadAverage[0] ?? 0, record.loadAverageAtEnd[0] ?? 0) > machine.cpus * 0.75) {
    console.log(`\nnote: the machine was busy (load average ${machine.loadAverage[0]} at start, ${record.loadAverageAtEnd[0]} at end, ${machine.cpus} CPUs); wall-clock figures are pessimistic`);
  }
  if (Object.keys(record.benchmarks).length > 0) {
    const file = writeResults(cli.out, record);
    console.log(`\nwrote ${path.relative(process.cwd(), file) || file} and latest.json (${record.durationSeconds.toFixed(0)} s in all)`);
  }
  return failures > 0 ? 1 : 0;
}
