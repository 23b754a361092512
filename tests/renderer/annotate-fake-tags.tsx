/**
 * The tag channels for the fake core (the codebook, tags on spans), installed over FakeAnnotations
 * the way fake-review.ts installs beside it: `annotations:get` answers with the codebook (and with
 * the sources of relay chains, as the real core does), and
 * applying or removing a tag is a write of FakeAnnotations' own (one undo step, a `changed` event),
 * so Ctrl+Z takes it back as the real operation log does. Names are unique under one parent
 * (case-insensitive), colours are #rrggbb, as the core requires.
 */
import { randomUUID } from 'node:crypto';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Tag } from '../../shared/annotation-schemas.ts';
import type { ServiceMap } from '../../shared/contract.ts';
import { ConflictError, NotFoundError } from '../../main/core/errors.ts';
import { Client } from '../../renderer/src/client/client.ts';
import { Root } from '../../renderer/src/root.tsx';
import { FakeAnnotations } from './fakes/fake-annotations.ts';
import { FakeCore, type FakeFile } from './fakes/fake-services.ts';
import { createFakeTransport } from './fakes/fake-transport.ts';

/** FakeAnnotations' write (one undo step and a `changed` event); private there, shared with this extension. */
type Write = <T>(label: string, touched: (out: T) => string[], fn: () => T) => T;

export class FakeTags {
  readonly codebook = new Map<string, Tag>();

  constructor(private readonly annotations: FakeAnnotations) {}

  seed(name: string, color: string | null = null, parentId: string | null = null): Tag {
    const tag: Tag = { id: randomUUID(), revision: 1, name, parentId, color };
    this.codebook.set(tag.id, tag);
    return tag;
  }

  install(core: FakeCore): this {
    const a = this.annotations;
    const write: Write = (label, touched, fn) => (a as unknown as { write: Write }).write(label, touched, fn);
    const get = a.services['annotations:get']!;
    const span = (id: string) => {
      const s = a.state.spans.get(id);
      if (!s) throw new NotFoundError('Annotation', id);
      return s;
    };
    const tag = (id: string) => {
      const x = this.codebook.get(id);
      if (!x) throw new NotFoundError('Tag', id);
      return x;
    };
    const services: Partial<ServiceMap> = {
      'annotations:get': async (input) => {
        const out = await get(input);
        // As the real core does (the base fake leaves them out): the sources of relay chains too.
        const have = new Set(out.sources.map((s) => s.id));
        const relays = out.claims.flatMap((c) => c.attributions.flatMap((x) => x.via)).filter((id) => !have.has(id) && a.state.sources.has(id));
        const sources = [...out.sources, ...[...new Set(relays)].map((id) => structuredClone(a.state.sources.get(id)!))];
        return { ...out, sources, tags: structuredClone([...this.codebook.values()]) };
      },
      'tags:list': async () => structuredClone([...this.codebook.values()]),
      'tags:create': async ({ name, parentId, color }) =>
        write(`Add tag ${name}`, (x) => [x.id], () => {
          const clash = [...this.codebook.values()].find((x) => x.parentId === (parentId ?? null) && x.name.toLowerCase() === name.trim().toLowerCase());
          if (clash) throw new ConflictError(`There is already a tag “${clash.name}” there.`);
          return structuredClone(this.seed(name.trim(), color ?? null, parentId ?? null));
        }),
      'tags:apply': async ({ tagId, spanId }) => {
        const target = span(spanId!);
        const x = tag(tagId);
        if (target.tagIds.includes(tagId)) return { applied: false };
        return write(`Tag with ${x.name}`, () => [spanId!], () => {
          span(spanId!).tagIds.push(tagId);
          return { applied: true };
        });
      },
      'tags:remove': async ({ tagId, spanId }) => {
        const x = tag(tagId);
        if (!span(spanId!).tagIds.includes(tagId)) return { removed: false };
        return write(`Remove tag ${x.name}`, () => [spanId!], () => {
          const s = span(spanId!);
          s.tagIds = s.tagIds.filter((id) => id !== tagId);
          return { removed: true };
        });
      },
    };
    // The real core announces undo and redo as "documents" (then "history"); the base fake only as "history".
    const announce = <T,>(out: T) => {
      if (out) core.emit('changed', { what: 'documents' });
      return out;
    };
    const { 'history:undo': undo, 'history:redo': redo } = core.services;
    services['history:undo'] = async (input) => announce(await undo(input));
    services['history:redo'] = async (input) => announce(await redo(input));
    Object.assign(core.services as Record<string, unknown>, services);
    return this;
  }
}

/** Like fakes/render-annotate.tsx, with the tag channels installed and a codebook seeded. */
export function renderWithTags(files: FakeFile[], setup?: (annotations: FakeAnnotations, tags: FakeTags, documentId: string) => void) {
  const core = new FakeCore();
  core.seed(files);
  const annotations = new FakeAnnotations(core).install();
  const tags = new FakeTags(annotations).install(core);
  const documentId = core.live()[0]!.id;
  setup?.(annotations, tags, documentId);
  const transport = createFakeTransport(core);
  const user = userEvent.setup();
  const view = render(<Root client={new Client(transport)} />);
  return { core, annotations, tags, documentId, transport, user, ...view };
}
