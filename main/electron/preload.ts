/**
 * The preload of the main window. Runs sandboxed (no Node), so esbuild bundles it as CommonJS
 * (scripts/build-electron.mjs): a sandboxed preload can neither be an ES module nor require files.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { createBridge } from './preload-api.ts';

/** The contract's `channelNames`, written in by scripts/build-electron.mjs at build time. */
declare const CLAIMDESK_CHANNEL_NAMES: readonly string[];

contextBridge.exposeInMainWorld('claimdesk', createBridge(ipcRenderer, CLAIMDESK_CHANNEL_NAMES));
