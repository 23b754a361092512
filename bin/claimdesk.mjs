#!/usr/bin/env node
// The claimdesk command, run straight from the TypeScript sources of a checkout: tsx compiles on
// the fly, so `npm install` is all a user needs before `npx claimdesk`.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../main/cli/index.ts');
process.exitCode = await main(process.argv.slice(2));
