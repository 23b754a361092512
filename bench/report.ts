/**
 * The output of a run: a table of figures next to their budgets on stdout, and the same figures with
 * machine info and parameters as JSON in bench/results/ (`<timestamp>.json` and `latest.json`), so
 * that two runs can be compared without re-reading terminal output.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import Database from 'better-sqlite3';
import { verdict, type BenchResult, type Figure, type OptionValue } from './benchmark.ts';

export interface MachineInfo {
  cpus: number;
  cpuModel: string;
  totalMemoryMB: number;
  platform: string;
  arch: string;
  osRelease: string;
  node: string;
  v8: string;
  sqlite: string;
  betterSqlite3: string;
  tmpdir: string;
  /** os.loadavg() when the run started: 1, 5 and 15 minutes. Other load skews wall-clock figures. */
  loadAverage: number[];
}

export interface RunRecord {
  startedAt: string;
  finishedAt: string;
  durationSeconds: number;
  /** os.loadavg() when the run ended. */
  loadAverageAtEnd: number[];
  argv: string[];
  machine: MachineInfo;
  benchmarks: Record<string, { options: Record<string, OptionValue> } & BenchResult>;
}

export function machineInfo(): MachineInfo {
  const cpus = os.cpus();
  const db = new Database(':memory:');
  const sqlite = (db.prepare('SELECT sqlite_version()').pluck().get() as string) ?? 'unknown';
  db.close();
  let betterSqlite3 = 'unknown';
  try {
    const require = createRequire(import.meta.url);
    betterSqlite3 = (require('better-sqlite3/package.json') as { version: string }).version;
  } catch {
    // Reported as unknown; the figures are still worth having.
  }
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    totalMemoryMB: Math.round(os.totalmem() / 1e6),
    platform: os.platform(),
    arch: os.arch(),
    osRelease: os.release(),
    node: process.version,
    v8: process.versions.v8,
    sqlite,
    betterSqlite3,
    tmpdir: os.tmpdir(),
    loadAverage: os.loadavg().map((l) => Math.round(l * 100) / 100),
  };
}

export function formatValue(value: number, unit: string): string {
  if (!Number.isFinite(value)) return 'n/a';
  if (unit === 'ms') return value < 1 ? value.toFixed(3) : value < 100 ? value.toFixed(2) : value.toFixed(0);
  if (unit === 'x' || unit === 's') return value.toFixed(2);
  if (unit === '%') return value.toFixed(2);
  if (unit === 'MB' || unit === 'MB/s') return value.toFixed(1);
  if (Number.isInteger(value) || Math.abs(value) >= 100) return Math.round(value).toLocaleString('en-US');
  return value.toFixed(2);
}

function formatBudget(f: Figure): string {
  if (!f.budget) return '';
  return `${f.budget.op === '>=' ? '≥' : '≤'} ${formatValue(f.budget.limit, f.unit)}`;
}

/** A plain-text table; wide columns are padded, the note column is left ragged. */
export function renderTable(name: string, figures: readonly Figure[]): string {
  const rows = figures.map((f) => [f.label, `${formatValue(f.value, f.unit)} ${f.unit}`.trim(), formatBudget(f), verdict(f), f.note ?? '']);
  const header = ['figure', 'value', 'budget', 'verdict', 'note'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const align = (cells: string[]): string =>
    cells
      .map((c, i) => (i === 1 || i === 2 ? c.padStart(widths[i] ?? 0) : i === cells.length - 1 ? c : c.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w, i) => '-'.repeat(i === widths.length - 1 ? Math.max(4, Math.min(w, 40)) : w)).join('  ');
  return [`== ${name}`, align(header), rule, ...rows.map(align)].join('\n');
}

/** Writes `<timestamp>.json` and `latest.json` into `dir`; returns the timestamped path. */
export function writeResults(dir: string, record: RunRecord): string {
  fs.mkdirSync(dir, { recursive: true });
  const stamp = record.startedAt.replace(/[:.]/g, '-');
  const file = path.join(dir, `${stamp}.json`);
  const json = `${JSON.stringify(record, null, 2)}\n`;
  fs.writeFileSync(file, json);
  fs.writeFileSync(path.join(dir, 'latest.json'), json);
  return file;
}
