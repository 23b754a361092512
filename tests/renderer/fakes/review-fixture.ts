/**
 * Review rows for the renderer tests, attached to documents the fake core really holds (so that
 * opening a row opens a document): a few hundred attributions, more than two blocks of the grid,
 * with named and anonymous sources, each status, graded and ungraded rows, and tags.
 */
import { randomUUID } from 'node:crypto';
import type { Tag } from '../../../shared/annotation-schemas.ts';
import type { Figure, ReviewRow } from '../../../shared/review-schemas.ts';
import type { FakeCore } from './fake-services.ts';
import type { ReviewFixture } from './fake-review.ts';

const SOURCES = [
  { id: randomUUID(), name: 'Government of Jordan', type: 'organisation', anonymous: false },
  { id: randomUUID(), name: 'Jordanian officials (unnamed)', type: 'anonymous official', anonymous: true },
  { id: randomUUID(), name: 'Reuters', type: 'outlet', anonymous: false },
  { id: randomUUID(), name: 'Mustafa Hiari', type: 'named official', anonymous: false },
  { id: randomUUID(), name: 'Hizbullah', type: 'organisation', anonymous: false },
  { id: randomUUID(), name: 'Hezbollah', type: 'organisation', anonymous: false },
] as const;

export const TAGS: Tag[] = ['drugs', 'smuggling', 'border-security'].map((name) => ({ id: randomUUID(), revision: 1, name, parentId: null, color: null }));

const STATUSES = ['uncontested', 'uncontested', 'corroborated', 'disputed', 'denied'] as const;

export function reviewFixture(core: FakeCore, count = 250): ReviewFixture {
  const docs = core.live();
  if (docs.length === 0) throw new Error('Seed documents first: review rows point at them.');
  const rows: ReviewRow[] = Array.from({ length: count }, (_, i) => {
    const source = SOURCES[i % SOURCES.length]!;
    const doc = docs[i % docs.length]!;
    const status = STATUSES[i % STATUSES.length]!;
    const credibility = i % 7 === 0 ? null : (i % 6) + 1;
    // The claim is a piece of the document's own text, so opening it finds it there.
    const start = (i * 37) % Math.max(1, doc.text.length - 80);
    return {
      attributionId: randomUUID(), claimId: randomUUID(), claimText: `${String(i).padStart(3, '0')} ${doc.text.slice(start, start + 60).trim()}`,
      kind: i % 11 === 0 ? 'denial' : 'claim', documentId: doc.id, document: doc.title, outlet: doc.outlet, published: doc.published,
      sourceId: source.id, source: source.name, sourceType: source.type, anonymous: source.anonymous, cue: 'said', channel: i % 4 === 0 ? 'state TV' : null,
      reliability: null, credibility, rating: credibility === null ? null : `?${credibility}`, status,
      statusReason: status === 'denied' ? 'Denied by 1 claim (Government of Syria)' : null, independentSources: (i % 3) + 1,
      tags: i % 2 === 0 ? 'drugs' : null, annotator: 'Test Analyst', annotatedAt: '2024-05-01T10:00:00.000Z',
      lead: doc.title === null ? doc.text.slice(0, 200) : null,
    };
  });
  const [claim, denial] = [rows.find((r) => r.status === 'denied'), rows.find((r) => r.kind === 'denial')];
  if (!claim || !denial) return { rows, tags: TAGS };
  const statement = (r: ReviewRow) => ({
    claimId: r.claimId, kind: r.kind, text: r.claimText, documentId: r.documentId, document: r.document, lead: null, language: 'en', published: r.published,
    sources: [{ name: r.source, channel: r.channel, rating: r.rating }],
  });
  const figure = (r: ReviewRow, value: number): Figure => ({
    spanId: randomUUID(), claimId: r.claimId, claimText: r.claimText, documentId: r.documentId, document: r.document, lead: null, language: 'en', exact: `${value} tonnes`,
    value, unit: 'tonnes', period: '2023', approx: false, quantityKind: 'mass', source: r.source,
  });
  const [f1, f2] = [figure(claim, 12), figure(denial, 40)];
  return {
    rows,
    tags: TAGS,
    disputes: [{ claim: { ...statement(claim), status: 'denied' }, against: [{ ...statement(denial), relation: 'denies' }] }],
    duplicates: [{ a: SOURCES[5].id, b: SOURCES[4].id, aName: 'Hezbollah', bName: 'Hizbullah', score: 0.9, reason: '“Hezbollah” and “Hizbullah” look like two spellings of one name' }],
    figures: { figures: [f1, f2, figure(rows[1]!, 3)], conflicts: [{ figures: [f1, f2], reason: 'Linked claims (denies) give 12 tonnes and 40 tonnes' }] },
  };
}
