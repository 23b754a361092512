/**
 * What a benchmark is. Each benchmark is one module exporting a `Benchmark`, listed in index.ts;
 * index.ts parses the command line, runs the selected ones in order and hands their figures to
 * report.ts. Benchmarks are scripts, not tests (STYLE.md rule 11): they measure and report, and a
 * missed budget is a figure marked MISS, never a failure.
 */

/** A budget from ARCHITECTURE.md, "Performance budgets". */
export interface Budget {
  op: '>=' | '<=';
  limit: number;
}

export interface Figure {
  /** Stable machine name, e.g. `import.core.docsPerSec`; JSON consumers key on it. */
  key: string;
  /** What a person reads in the table. */
  label: string;
  value: number;
  unit: string;
  budget?: Budget;
  /** One short remark shown next to the figure (which run, which scale). */
  note?: string;
}

export interface BenchResult {
  figures: Figure[];
  /** Parameters actually used and anything else worth keeping (df ranges, sizes, run order). */
  details: Record<string, unknown>;
  /** Remarks printed under the table. */
  notes: string[];
}

export type OptionValue = number | boolean | string;

export interface OptionSpec {
  default: OptionValue;
  help: string;
}

export interface BenchContext {
  /** Options of this benchmark, defaults applied and command-line values parsed to their type. */
  options: Record<string, OptionValue>;
  /** A fresh directory under os.tmpdir(), deleted when the whole run ends (also on failure). */
  tempDir(label: string): string;
  /** Progress for the person waiting; goes to stderr so that stdout stays the report. */
  log(message: string): void;
}

export interface Benchmark {
  /** Used by `--only`. */
  name: string;
  description: string;
  /** Its command-line options (`--docs 20000`), by name, with defaults. */
  options: Record<string, OptionSpec>;
  run(ctx: BenchContext): Promise<BenchResult>;
}

/** The verdict on one figure: PASS, MISS, or '' when it has no budget. */
export function verdict(f: Figure): 'PASS' | 'MISS' | '' {
  if (!f.budget || !Number.isFinite(f.value)) return f.budget ? 'MISS' : '';
  const ok = f.budget.op === '>=' ? f.value >= f.budget.limit : f.value <= f.budget.limit;
  return ok ? 'PASS' : 'MISS';
}
