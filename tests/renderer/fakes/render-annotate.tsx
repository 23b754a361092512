/** Renders the app over a fake core with the annotation channels, one document seeded and opened. */
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Client } from '../../../renderer/src/client/client.ts';
import { Root } from '../../../renderer/src/root.tsx';
import { FakeAnnotations } from './fake-annotations.ts';
import { FakeCore, type FakeFile } from './fake-services.ts';
import { createFakeTransport } from './fake-transport.ts';

export function renderAnnotate(files: FakeFile[], setup?: (annotations: FakeAnnotations, documentId: string) => void) {
  const core = new FakeCore();
  core.seed(files);
  const annotations = new FakeAnnotations(core).install();
  const documentId = core.live()[0]!.id;
  setup?.(annotations, documentId);
  const transport = createFakeTransport(core);
  const user = userEvent.setup();
  const view = render(<Root client={new Client(transport)} />);
  return { core, annotations, documentId, transport, user, ...view };
}

/** Opens the first document of the Library (double-click in the grid is ag-grid's; search is ours). */
export async function openFirstDocument(user: ReturnType<typeof userEvent.setup>, query: string) {
  await user.type(screen.getByRole('searchbox', { name: 'Search documents' }), query);
  const results = await screen.findByRole('region', { name: 'Search results' });
  await user.click((await within(results).findAllByRole('button'))[0]!);
  await screen.findByRole('article', { name: 'Document text' });
  return screen.findByRole('region', { name: 'Annotations' });
}
