#!/usr/bin/env node
// The claimdesk command, run straight from the TypeScript sources of a checkout: tsx compiles on
// the fly, so `npm install` is all a user needs before `npx claimdesk`.
import { register } from 'tsx/esm/api';

register();
// A reader that stops early (`claimdesk review | head`) closes the pipe: the rest of the output has
// nowhere to go, which is not an error. The command still finishes (a write it began still commits).
process.stdout.on('error', (error) => {
  if (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_DESTROYED') throw error;
});
const { main } = await import('../main/cli/index.ts');
process.exitCode = await main(process.argv.slice(2));
