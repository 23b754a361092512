/**
 * Nothing but main/electron loads Electron, and no test does (from Electron 42 on, loading the
 * package under plain Node starts a download of the runtime). Type-only imports are fine: they are
 * erased before anything runs. Inside main/electron only the two entry points load it; every other
 * module there takes Electron's objects as parameters, which is what lets these tests use fakes.
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');
const SCANNED = ['main', 'shared', 'renderer', 'tests', 'bench', 'bin', 'scripts'];
const SOURCE = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;
const ENTRY_POINTS = ['main/electron/main.ts', 'main/electron/preload.ts'];

const isElectron = (specifier: string) => specifier === 'electron' || specifier.startsWith('electron/');

/** Where `source` loads electron at run time: `line: text` for each place; type-only uses are skipped. */
function runtimeElectronImports(fileName: string, source: string): string[] {
  const kind = /\.(tsx|jsx)$/.test(fileName) ? ts.ScriptKind.TSX : /\.(ts|mts|cts)$/.test(fileName) ? ts.ScriptKind.TS : ts.ScriptKind.JS;
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, kind);
  const found: string[] = [];
  const report = (node: ts.Node) => {
    const { line } = file.getLineAndCharacterOfPosition(node.getStart(file));
    found.push(`${line + 1}: ${node.getText(file).split('\n')[0]}`);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier) && isElectron(node.moduleSpecifier.text)) {
      // `import type {...}` is erased; `import { type X }` still loads the module (verbatimModuleSyntax).
      if (!node.importClause?.isTypeOnly) report(node);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier) && isElectron(node.moduleSpecifier.text)) {
      if (!node.isTypeOnly) report(node);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      const ref = node.moduleReference.expression;
      if (ts.isStringLiteral(ref) && isElectron(ref.text) && !node.isTypeOnly) report(node);
    } else if (ts.isCallExpression(node)) {
      const [arg] = node.arguments;
      const isRequire = ts.isIdentifier(node.expression) && node.expression.text === 'require';
      const isDynamicImport = node.expression.kind === ts.SyntaxKind.ImportKeyword;
      if ((isRequire || isDynamicImport) && arg && ts.isStringLiteralLike(arg) && isElectron(arg.text)) report(node);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

function listSources(dir: string): string[] {
  const abs = path.join(root, dir);
  if (!fs.existsSync(abs)) return [];
  return fs
    .readdirSync(abs, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && SOURCE.test(e.name))
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .filter((f) => !f.includes('node_modules/') && !f.startsWith('tests/fixtures/'));
}

const files = SCANNED.flatMap(listSources);
const offenders = (list: string[]) =>
  list.flatMap((f) => {
    const text = fs.readFileSync(path.join(root, f), 'utf8');
    // Parsing is the slow part: only files that mention electron at all need it.
    if (!text.includes('electron')) return [];
    return runtimeElectronImports(f, text).map((hit) => `${f}:${hit}`);
  });

describe('the electron boundary', { timeout: 30_000 }, () => {
  it('the detector finds every runtime form and lets type-only imports through', () => {
    const q = "'";
    const runtime = [
      `import { app } from ${q}electron${q};`,
      `import electron from "electron";`,
      `import * as e from ${q}electron/main${q};`,
      `import { type App } from ${q}electron${q};`,
      `import ${q}electron${q};`,
      `export { app } from ${q}electron${q};`,
      `const { app } = require(${q}electron${q});`,
      `const e = await import(${q}electron${q});`,
      `import e = require(${q}electron${q});`,
    ];
    for (const line of runtime) expect(runtimeElectronImports('x.ts', line), line).toHaveLength(1);
    const typeOnly = [
      `import type { App } from ${q}electron${q};`,
      `export type { App } from ${q}electron${q};`,
      `type W = import(${q}electron${q}).BrowserWindow;`,
      `import { app } from ${q}electron-builder${q};`,
      `import { rebuild } from ${q}@electron/rebuild${q};`,
      `const s = ${q}require("electron")${q};`,
    ];
    for (const line of typeOnly) expect(runtimeElectronImports('x.ts', line), line).toEqual([]);
  });

  it('scans a real tree', () => {
    expect(files).toContain('main/electron/main.ts');
    expect(files).toContain('main/core/dispatch.ts');
    expect(files).toContain('tests/unit/electron/boundaries.test.ts');
  });

  it('nothing outside main/electron loads electron', () => {
    expect(offenders(files.filter((f) => !f.startsWith('main/electron/')))).toEqual([]);
  });

  it('no test loads electron at run time (type-only imports only)', () => {
    const tests = files.filter((f) => f.startsWith('tests/'));
    expect(tests.length).toBeGreaterThan(5);
    expect(offenders(tests)).toEqual([]);
  });

  it('inside main/electron only the entry points load it; the modules take it as parameters', () => {
    const shell = files.filter((f) => f.startsWith('main/electron/'));
    const loading = shell.filter((f) => offenders([f]).length > 0);
    expect(loading.sort()).toEqual([...ENTRY_POINTS].sort());
  });

  it('no test imports an entry point (which would load electron)', () => {
    const entryNames = ENTRY_POINTS.map((f) => path.basename(f));
    const hits = files
      .filter((f) => f.startsWith('tests/'))
      .flatMap((f) => {
        const text = fs.readFileSync(path.join(root, f), 'utf8');
        const specifiers = [...text.matchAll(/(?:from|import\(|require\()\s*['"]([^'"]+)['"]/g)].map((m) => m[1] ?? '');
        return specifiers
          .filter((s) => s.startsWith('.') && entryNames.includes(path.basename(s)))
          .map((s) => path.relative(root, path.resolve(path.dirname(path.join(root, f)), s)).split(path.sep).join('/'))
          .filter((resolved) => ENTRY_POINTS.includes(resolved))
          .map((resolved) => `${f} -> ${resolved}`);
      });
    expect(hits).toEqual([]);
  });
});
