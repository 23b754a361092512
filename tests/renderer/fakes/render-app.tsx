/** Renders the whole app over a fake core and returns what tests need. */
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Client } from '../../../renderer/src/client/client.ts';
import { Root } from '../../../renderer/src/root.tsx';
import { FakeAnnotations } from './fake-annotations.ts';
import { FakePacks } from './fake-packs.ts';
import { FakeReview, type ReviewFixture } from './fake-review.ts';
import { FakeCore, type FakeFile } from './fake-services.ts';
import { createFakeTransport } from './fake-transport.ts';

export function renderApp(
  options: { seed?: FakeFile[]; sample?: FakeFile[]; review?: (core: FakeCore) => ReviewFixture; packs?: boolean; annotations?: boolean } = {},
) {
  const core = new FakeCore(options.sample ?? []);
  if (options.seed) core.seed(options.seed);
  // Packs first: the review fake's own channels (saved views, tags) then win where both answer.
  const packs = options.packs ? new FakePacks(core).install() : null;
  // The review channels, over rows that point at the seeded documents.
  const review = options.review ? new FakeReview(core, options.review(core)).install() : null;
  // The annotation channels, for a document opened at an annotation (its undo wraps the packs').
  const annotations = options.annotations ? new FakeAnnotations(core).install() : null;
  const transport = createFakeTransport(core);
  const user = userEvent.setup();
  const view = render(<Root client={new Client(transport)} />);
  return { core, review, packs, annotations, transport, user, ...view };
}
