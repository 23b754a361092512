/** The two IPC channel names, shared by the main process (ipc.ts) and the preload. */
export const INVOKE_CHANNEL = 'claimdesk:invoke';
export const EVENT_CHANNEL = 'claimdesk:event';
