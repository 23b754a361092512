#!/usr/bin/env node
// npm run bench: the benchmark scripts (bench/), run straight from the TypeScript sources like
// bin/claimdesk.mjs. Options: `npm run bench -- --help`.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../bench/index.ts');
process.exitCode = await main(process.argv.slice(2));
