/**
 * The review across the corpus: grid pages and counts, CSV export of the current view, saved views,
 * disputes side by side, the sources overview with duplicate suggestions, and figures compared.
 */
import fs from 'node:fs';
import { figuresDiffer, normaliseFigure } from '../../../shared/figures.ts';
import type { Dispute, Figure, ReviewColumn, ReviewQuery, ReviewRow, SourceOverview } from '../../../shared/review-schemas.ts';
import { queryOfView } from '../../../shared/review-query.ts';
import { CSV_BOM, csvRow } from '../csv.ts';
import { NotFoundError } from '../errors.ts';
import { newId } from '../ids.ts';
import type { Db } from '../store/database.ts';
import { CorpusRepository, type StatementRow } from './corpus-repository.ts';
import { suggestDuplicates } from './duplicates.ts';
import { ReviewRepository } from './review-repository.ts';

export const COLUMN_HEADERS: Record<ReviewColumn, string> = {
  claimText: 'Claim', kind: 'Kind', document: 'Document', outlet: 'Outlet', published: 'Published', source: 'Source',
  sourceType: 'Source type', anonymous: 'Named or anonymous', cue: 'Cue', channel: 'Channel', reliability: 'Reliability',
  credibility: 'Credibility', rating: 'Rating', status: 'Status', independentSources: 'Independent sources', tags: 'Tags',
  annotator: 'Annotator', annotatedAt: 'Annotated',
};

const cellOf = (row: ReviewRow, column: ReviewColumn): unknown =>
  column === 'anonymous' ? (row.anonymous ? 'anonymous' : 'named') : row[column];

export class ReviewService {
  readonly rows: ReviewRepository;
  readonly corpus: CorpusRepository;
  private counts = new Map<string, number>();
  private countsVersion = '';

  constructor(
    db: Db,
    private readonly origin: string,
    private readonly analystId: () => string,
  ) {
    this.rows = new ReviewRepository(db);
    this.corpus = new CorpusRepository(db);
  }

  page(query: ReviewQuery, offset: number, limit: number): { rows: ReviewRow[]; total: number } {
    const total = this.count(query);
    return { rows: this.rows.page(query, offset, limit, { matches: total }), total };
  }

  /** Counts are cached per query until anything in the project changes. */
  count(query: ReviewQuery): number {
    const version = this.rows.version();
    if (version !== this.countsVersion) {
      this.counts.clear();
      this.countsVersion = version;
    }
    const key = JSON.stringify([query.filters, query.quick]);
    let n = this.counts.get(key);
    if (n === undefined) {
      n = this.rows.count(query);
      this.counts.set(key, n);
    }
    return n;
  }

  /** Writes every matching row, in the view's order, as CSV to a file or into memory. */
  exportCsv(query: ReviewQuery, columns: ReviewColumn[], outPath?: string): { rows: number; path: string | null; data: Uint8Array<ArrayBuffer> | null } {
    const header = csvRow(columns.map((c) => COLUMN_HEADERS[c]));
    let rows = 0;
    if (outPath) {
      const tmp = `${outPath}.partial-${process.pid}`;
      const fd = fs.openSync(tmp, 'w');
      try {
        let buffer = CSV_BOM + header;
        for (const row of this.rows.iterate(query)) {
          buffer += csvRow(columns.map((c) => cellOf(row, c)));
          rows++;
          if (buffer.length > 1 << 20) {
            fs.writeSync(fd, buffer);
            buffer = '';
          }
        }
        fs.writeSync(fd, buffer);
        fs.closeSync(fd);
        fs.renameSync(tmp, outPath); // never a half-written file under the real name
      } catch (error) {
        try { fs.closeSync(fd); } catch { /* already closed */ }
        fs.rmSync(tmp, { force: true });
        throw error;
      }
      return { rows, path: outPath, data: null };
    }
    const parts = [CSV_BOM, header];
    for (const row of this.rows.iterate(query)) {
      parts.push(csvRow(columns.map((c) => cellOf(row, c))));
      rows++;
    }
    return { rows, path: null, data: new TextEncoder().encode(parts.join('')) };
  }

  views() {
    return this.rows.listViews().map((v) => ({ id: v.id, name: v.name, state: JSON.parse(v.state) as unknown }));
  }

  saveView(name: string, state: Record<string, unknown>): { id: string; name: string } {
    const existing = this.rows.findView(name);
    const id = existing?.id ?? newId();
    this.rows.saveView(id, name.trim(), JSON.stringify(state), { origin: this.origin, at: new Date().toISOString(), analystId: this.analystId() }, Boolean(existing));
    return { id, name: name.trim() };
  }

  /**
   * The documents a saved view selects: those holding at least one of its rows. The view's filters and
   * quick filters are read from its saved grid state by the function the grid itself uses
   * (shared/review-query.ts), so a view exports what it shows; its sort and columns do not matter here.
   */
  documentsOfView(id: string): { name: string; documentIds: string[] } {
    const view = this.rows.getView(id);
    if (!view) throw new NotFoundError('Saved review view', id);
    // Valid JSON (a CHECK on the table); anything but an object selects as the grid would show it: unfiltered.
    return { name: view.name, documentIds: this.rows.documentIds(queryOfView(JSON.parse(view.state))) };
  }

  deleteView(id: string): boolean {
    return this.rows.deleteView(id, new Date().toISOString());
  }

  disputes(limit: number): Dispute[] {
    const targets = this.corpus.disputedClaims(limit);
    const against = this.corpus.disputing(targets.map((t) => t.claimId));
    const sources = new Map<string, Array<{ name: string; channel: string | null; rating: string | null }>>();
    for (const s of this.corpus.sourcesOf([...targets, ...against].map((c) => c.claimId))) {
      sources.set(s.claimId, [...(sources.get(s.claimId) ?? []), { name: s.name, channel: s.channel, rating: s.rating }]);
    }
    const statement = (r: StatementRow) => ({
      claimId: r.claimId, kind: r.kind as Dispute['claim']['kind'], text: r.text, documentId: r.documentId, document: r.document,
      lead: r.lead, language: r.language, published: r.published, sources: sources.get(r.claimId) ?? [],
    });
    return targets.map((t) => ({
      claim: { ...statement(t), status: t.status as Dispute['claim']['status'] },
      against: against.filter((a) => a.targetId === t.claimId).map((a) => ({ ...statement(a), relation: a.relation! })),
    }));
  }

  sourcesOverview(query: string, limit: number): SourceOverview[] {
    return this.corpus.sourcesOverview(query.trim(), limit).map((r) => ({
      ...r, type: r.type as SourceOverview['type'], aliases: JSON.parse(r.aliases) as string[],
    }));
  }

  duplicates(limit: number) {
    return suggestDuplicates(this.corpus.liveSources(), limit);
  }

  /**
   * Every figure with the claim that holds it, and the pairs of linked claims (corroborates, repeats,
   * updates, disputes, denies) whose figures share a unit and period but disagree.
   */
  figures(): { figures: Figure[]; conflicts: Array<{ figures: Figure[]; reason: string }> } {
    const claims = this.corpus.claimSpans();
    const byDoc = new Map<string, typeof claims>();
    for (const c of claims) byDoc.set(c.documentId, [...(byDoc.get(c.documentId) ?? []), c]);
    const rows = this.corpus.figures();
    const holder = (f: (typeof rows)[number]) =>
      (byDoc.get(f.documentId) ?? []).filter((c) => c.start <= f.start && f.end <= c.end).sort((a, b) => a.end - a.start - (b.end - b.start))[0];
    const sourceOf = this.corpus.firstSourceOf(claims.map((c) => c.id));
    const figures: Figure[] = rows.map((f) => {
      const claim = holder(f);
      const data = f.data ? (JSON.parse(f.data) as Record<string, unknown>) : {};
      const proposed = normaliseFigure(f.exact, claim?.text ?? '');
      const pick = <T>(key: string, fallback: T): T => (key in data ? (data[key] as T) : fallback);
      return {
        spanId: f.spanId, claimId: claim?.id ?? null, claimText: claim?.text ?? null, documentId: f.documentId, document: f.document, lead: f.lead, language: f.language,
        exact: f.exact, value: pick('value', proposed.value), unit: pick('unit', proposed.unit), period: pick('period', proposed.period),
        approx: pick('approx', proposed.approx), quantityKind: pick('quantityKind', null), source: claim ? (sourceOf.get(claim.id) ?? null) : null,
      };
    });
    const byClaim = new Map<string, Figure[]>();
    for (const f of figures) if (f.claimId) byClaim.set(f.claimId, [...(byClaim.get(f.claimId) ?? []), f]);
    const conflicts: Array<{ figures: Figure[]; reason: string }> = [];
    for (const link of this.corpus.linkedPairs()) {
      for (const fa of byClaim.get(link.a) ?? []) {
        for (const fb of byClaim.get(link.b) ?? []) {
          if (figuresDiffer(fa, fb)) {
            conflicts.push({ figures: [fa, fb], reason: `Linked claims (${link.relation}) give ${fa.exact} and ${fb.exact}` });
          }
        }
      }
    }
    return { figures, conflicts };
  }
}

