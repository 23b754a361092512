#!/usr/bin/env node
// Bundles the desktop shell with esbuild:
//   main/electron/main.ts    -> out/electron/main.cjs    (Electron's main process, Node)
//   main/electron/preload.ts -> out/electron/preload.cjs (sandboxed preload: CommonJS, no Node)
//   main/core/packs/verify-worker.ts -> out/electron/pack-verify-worker.cjs (the thread that verifies
//                               a pack while it is merged; verify-thread.ts starts it beside main.cjs)
// `electron` is provided by the runtime, and better-sqlite3 stays a real package because its native
// addon is loaded from the Electron build (.electron-sqlite/, or resources/ when packaged).
import { build } from 'esbuild';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outdir = path.join(root, 'out', 'electron');

const common = {
  absWorkingDir: root,
  bundle: true,
  format: 'cjs',
  sourcemap: 'linked',
  logLevel: 'warning',
  legalComments: 'none',
};

async function bundle(options) {
  try {
    await build({ ...common, ...options });
  } catch {
    // esbuild has already printed the errors with their locations.
    process.exit(1);
  }
}

// Electron 45 runs Node 22 in the main process and Chromium 140+ in the renderer.
const NODE_BUNDLE = {
  platform: 'node',
  target: 'node22',
  external: ['electron', 'better-sqlite3'],
  // The core is ESM and uses import.meta.url for default paths; in a CommonJS bundle, give it the
  // bundle's own file URL instead of an empty import.meta.
  define: { 'import.meta.url': '__claimdeskImportMetaUrl' },
  banner: { js: "const __claimdeskImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
};
await bundle({ ...NODE_BUNDLE, entryPoints: ['main/electron/main.ts'], outfile: path.join(outdir, 'main.cjs') });

// The pack verify thread's entry: its own bundle, found by verify-thread.ts next to main.cjs (the
// core's import.meta.url is main.cjs's in the bundle). Electron loads a worker's file from app.asar.
await bundle({ ...NODE_BUNDLE, entryPoints: ['main/core/packs/verify-worker.ts'], outfile: path.join(outdir, 'pack-verify-worker.cjs') });

// The preload checks channel names against the contract. Rather than bundling zod and every schema
// into it, read `channelNames` from shared/contract.ts now and write the list in as a constant.
async function contractChannelNames() {
  const result = await build({
    absWorkingDir: root,
    entryPoints: ['shared/contract.ts'],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    write: false,
    logLevel: 'warning',
  });
  const [output] = result.outputFiles;
  const contract = await import(`data:text/javascript;base64,${Buffer.from(output.text).toString('base64')}`);
  if (!Array.isArray(contract.channelNames) || contract.channelNames.length === 0) {
    throw new Error('shared/contract.ts exports no channelNames');
  }
  return contract.channelNames;
}

await bundle({
  entryPoints: ['main/electron/preload.ts'],
  define: { CLAIMDESK_CHANNEL_NAMES: JSON.stringify(await contractChannelNames()) },
  outfile: path.join(outdir, 'preload.cjs'),
  // A sandboxed preload has no Node: bundling for the browser makes any Node import a build error.
  platform: 'browser',
  target: 'chrome140',
  external: ['electron'],
});

// A sandboxed preload can require only a handful of modules; ours must require electron alone.
const preload = await readFile(path.join(outdir, 'preload.cjs'), 'utf8');
const required = [...preload.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]);
const unexpected = required.filter((name) => name !== 'electron');
if (unexpected.length > 0) {
  console.error(`preload.cjs requires ${unexpected.join(', ')}; a sandboxed preload may require only electron.`);
  process.exit(1);
}
console.log(`built ${path.relative(root, outdir)}/main.cjs, pack-verify-worker.cjs and preload.cjs`);
