/** The whole app around a client: used by main.tsx and by the renderer tests with a fake transport. */
import { App } from './app.tsx';
import type { Client } from './client/client.ts';
import { ClientProvider } from './client/context.tsx';
import { ToastProvider } from './components/toast.tsx';
import { ChangesProvider } from './hooks/changes.tsx';

export function Root({ client }: { client: Client }) {
  return (
    <ClientProvider client={client}>
      <ChangesProvider>
        <ToastProvider>
          <App />
        </ToastProvider>
      </ChangesProvider>
    </ClientProvider>
  );
}
