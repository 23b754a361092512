#!/usr/bin/env node
// Builds better-sqlite3 for Electron in a folder of its own:
//
//   node_modules/better-sqlite3        the Node build: tests and the CLI use it, never touched here
//   .electron-sqlite/better-sqlite3    a copy of its sources, compiled against Electron's headers;
//                                      the app passes build/Release/better_sqlite3.node to
//                                      better-sqlite3 as `nativeBinding` (main/electron/main.ts)
//
// so `npm start` and `npm run dist` never break `npm test`, and the other way round.
// Needs a C/C++ toolchain and Electron's headers (downloaded by node-gyp on first run, then cached).
import { rebuild } from '@electron/rebuild';
import { getAbi } from 'node-abi';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'package.json'));

// The Electron version is the one installed (package.json pins it exactly). Read from its
// package.json: loading the electron package itself would start a download of the runtime.
const electronVersion = JSON.parse(fs.readFileSync(path.join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
const source = path.dirname(require.resolve('better-sqlite3/package.json'));
const target = path.join(root, '.electron-sqlite', 'better-sqlite3');
const addon = path.join(target, 'build', 'Release', 'better_sqlite3.node');
const stamp = path.join(target, '.claimdesk-build.json');
const sqliteVersion = JSON.parse(fs.readFileSync(path.join(source, 'package.json'), 'utf8')).version;
const wanted = { electronVersion, betterSqlite3: sqliteVersion, platform: process.platform, arch: process.arch };

const force = process.argv.includes('--force');
if (!force && fs.existsSync(addon) && fs.existsSync(stamp)) {
  const built = JSON.parse(fs.readFileSync(stamp, 'utf8'));
  if (JSON.stringify(built) === JSON.stringify(wanted)) {
    console.log(`better-sqlite3 ${sqliteVersion} for Electron ${electronVersion} is up to date: ${path.relative(root, addon)}`);
    process.exit(0);
  }
}

// Fresh copy of the sources, without the Node build's artefacts.
fs.rmSync(target, { recursive: true, force: true });
fs.mkdirSync(path.dirname(target), { recursive: true });
fs.cpSync(source, target, {
  recursive: true,
  filter: (from) => {
    const rel = path.relative(source, from);
    return rel !== 'build' && !rel.startsWith(`build${path.sep}`) && rel !== 'node_modules' && !rel.startsWith(`node_modules${path.sep}`);
  },
});

// A `nodedir` in the npm config (set on machines that build better-sqlite3 against local Node
// headers) reaches node-gyp as npm_config_nodedir and would make it build against Node's headers
// instead of Electron's: the result would not load in Electron. This build must use Electron's.
for (const key of Object.keys(process.env)) {
  if (key.toLowerCase() === 'npm_config_nodedir') delete process.env[key];
}

console.log(`Building better-sqlite3 ${sqliteVersion} for Electron ${electronVersion} (${process.platform}-${process.arch}) in ${path.relative(root, target)} ...`);
try {
  await rebuild({
    buildPath: target,
    // Stops the module walker at .electron-sqlite/, so nothing in node_modules is rebuilt.
    projectRootPath: target,
    electronVersion,
    onlyModules: ['better-sqlite3'],
    force: true,
    // Prebuilt downloads are not an option on every machine; compile, always the same way.
    buildFromSource: true,
    mode: 'sequential',
  });
} catch (error) {
  console.error(`\nThe Electron build of better-sqlite3 failed: ${error instanceof Error ? error.message : error}`);
  console.error('It needs a C/C++ toolchain (python3, make, g++) and, on first run, network access to fetch Electron headers.');
  process.exit(1);
}

if (!fs.existsSync(addon)) {
  console.error(`The build finished but ${addon} is missing.`);
  process.exit(1);
}

// An Electron build must NOT load in plain Node (different NODE_MODULE_VERSION): if it does, it was
// built against Node's headers and would fail inside Electron.
const abi = getAbi(electronVersion, 'electron');
try {
  process.dlopen({ exports: {} }, addon);
  console.error(`${addon} loads in Node ${process.version}: it was built for Node, not for Electron ${electronVersion}.`);
  process.exit(1);
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  if (!message.includes(`NODE_MODULE_VERSION ${abi}`)) {
    console.error(`Unexpected check result for ${addon} (expected NODE_MODULE_VERSION ${abi}):\n${message}`);
    process.exit(1);
  }
}

fs.writeFileSync(stamp, `${JSON.stringify(wanted, null, 2)}\n`);
console.log(`Built ${path.relative(root, addon)} (NODE_MODULE_VERSION ${abi}).`);
