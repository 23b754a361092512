#!/usr/bin/env bash
# Static security review of the desktop shell with Doyensec's electronegativity.
#
# - The tool is installed into a folder of its own (not the project's node_modules): it pins
#   TypeScript 4.2 and an old ESLint, which must not meet the project's TypeScript in one tree.
# - It scans the TypeScript sources in main/electron (it parses .ts with Babel's TypeScript plugin;
#   a known-bad control file is scanned first to prove that parsing and the checks work here).
#   The esbuild bundle is not scanned: the tool skips .cjs files, and the bundle also holds the core
#   and zod, whose findings would not point at our code.
# - Writes SARIF to .sarif/electronegativity.sarif, adds each finding's severity and confidence
#   (the tool's own SARIF has only warning/note), prints every finding with file:line, and exits 1
#   on any finding of MEDIUM severity or above, and on any file the tool could not parse.
#
# Usage: bash scripts/electronegativity.sh
# Env:   CLAIMDESK_ELECTRONEGATIVITY_DIR  where to install the tool
#        (default: ${XDG_CACHE_HOME:-$HOME/.cache}/claimdesk-electronegativity/<version>)
set -euo pipefail

VERSION=1.10.3
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOL_DIR="${CLAIMDESK_ELECTRONEGATIVITY_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/claimdesk-electronegativity/$VERSION}"
TOOL="$TOOL_DIR/node_modules/@doyensec/electronegativity"
SARIF="$ROOT/.sarif/electronegativity.sarif"
# The installed Electron's version, read from its package.json (loading the package would start a
# download of the runtime).
ELECTRON_VERSION="$(node -e 'console.log(JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).version)' "$ROOT/node_modules/electron/package.json")"

if [ ! -f "$TOOL/package.json" ] || ! grep -q "\"version\": \"$VERSION\"" "$TOOL/package.json"; then
  echo "Installing @doyensec/electronegativity@$VERSION into $TOOL_DIR ..."
  mkdir -p "$TOOL_DIR"
  # --ignore-scripts: the tool needs no install script, and its dependency tree has one it need not run.
  npm install --prefix "$TOOL_DIR" --no-audit --no-fund --ignore-scripts --loglevel=error \
    "@doyensec/electronegativity@$VERSION" >/dev/null
fi

mkdir -p "$(dirname "$SARIF")"
rm -f "$SARIF"

# cd: the tool looks for its releases list and translations relative to itself, not the cwd.
cd "$TOOL_DIR"
TOOL="$TOOL" ROOT="$ROOT" SARIF="$SARIF" ELECTRON_VERSION="$ELECTRON_VERSION" node - <<'NODE'
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { TOOL, ROOT, SARIF, ELECTRON_VERSION } = process.env;
const run = require(TOOL);
const input = path.join(ROOT, 'main', 'electron');
const SEVERITY = { INFORMATIONAL: 0, LOW: 1, MEDIUM: 2, HIGH: 3 };
const FAIL_AT = SEVERITY.MEDIUM;

const scan = (target, output) =>
  run({
    input: target,
    output,
    isSarif: Boolean(output),
    isRelative: true,
    isVerbose: true,
    customScan: [],
    excludeFromScan: [],
    electronVersionOverride: ELECTRON_VERSION,
    parserPlugins: [],
  });

const waitForJson = async (file) => {
  // The tool writes its SARIF with an unawaited fs.writeFile.
  for (let i = 0; i < 100; i++) {
    try {
      return JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch {
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  throw new Error(`electronegativity wrote no readable SARIF at ${file}`);
};

(async () => {
  // 1. Control: a TypeScript file with known-bad settings must be parsed and flagged.
  const control = fs.mkdtempSync(path.join(os.tmpdir(), 'electronegativity-control-'));
  fs.writeFileSync(
    path.join(control, 'bad-window.ts'),
    [
      "import { BrowserWindow } from 'electron';",
      'type Options = { title: string };',
      'export function open(options: Options): BrowserWindow {',
      '  return new BrowserWindow({ title: options.title, webPreferences: { nodeIntegration: true, contextIsolation: false } });',
      '}',
      '',
    ].join('\n'),
  );
  const probe = await scan(control);
  fs.rmSync(control, { recursive: true, force: true });
  const probeIds = new Set(probe.issues.map((i) => i.id));
  for (const id of ['NODE_INTEGRATION_JS_CHECK', 'CONTEXT_ISOLATION_JS_CHECK', 'SANDBOX_JS_CHECK']) {
    if (probe.errors.length > 0 || !probeIds.has(id)) {
      console.error(`Control scan failed: electronegativity did not parse TypeScript or did not report ${id} here.`);
      for (const e of probe.errors) console.error(`  ${e.file}: ${e.message}`);
      process.exit(1);
    }
  }

  // 2. The shell.
  const sources = fs.readdirSync(input, { recursive: true }).filter((f) => /\.(ts|tsx|js|jsx|html?)$/.test(f));
  const result = await scan(input, SARIF);
  const sarif = await waitForJson(SARIF);
  const results = sarif.runs?.[0]?.results ?? [];
  if (results.length !== result.issues.length) throw new Error('SARIF and findings disagree');

  // The tool's SARIF results are written in the order of its findings: add severity and confidence.
  result.issues.forEach((issue, i) => {
    results[i].properties = { severity: issue.severity.name, confidence: issue.confidence.name, manualReview: Boolean(issue.manualReview) };
    if (issue.severity.value >= FAIL_AT) results[i].level = 'error';
  });
  fs.writeFileSync(SARIF, `${JSON.stringify(sarif, null, 2)}\n`);

  let failed = false;
  if (result.errors.length > 0) {
    failed = true;
    for (const e of result.errors) console.error(`PARSE ERROR ${path.relative(ROOT, e.file)}: ${e.message}`);
  }

  const findings = results.map((r) => {
    const loc = r.locations?.[0]?.physicalLocation;
    const uri = loc?.artifactLocation?.uri ?? 'N/A';
    const file = uri === 'file:///' ? '(whole app)' : path.join('main/electron', uri);
    return { ...r.properties, id: r.ruleId, where: `${file}:${loc?.region?.startLine ?? 0}`, text: r.message?.text ?? '' };
  });
  for (const f of findings) {
    const bad = SEVERITY[f.severity] >= FAIL_AT;
    failed ||= bad;
    console.log(`${bad ? 'FAIL' : 'note'} ${f.where} [${f.severity}/${f.confidence}${f.manualReview ? ', review' : ''}] ${f.id}: ${f.text}`);
  }
  console.log(
    `electronegativity ${require(path.join(TOOL, 'package.json')).version} on main/electron (${sources.length} files, Electron ${ELECTRON_VERSION}): ` +
      `${findings.length} finding(s), ${findings.filter((f) => SEVERITY[f.severity] >= FAIL_AT).length} at MEDIUM or above, ` +
      `${result.errors.length} parse error(s). SARIF: ${path.relative(ROOT, SARIF)}`,
  );
  process.exit(failed ? 1 : 0);
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
NODE
