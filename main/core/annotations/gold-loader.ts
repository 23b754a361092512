/**
 * Loads the reference annotation into a project whose documents are already imported, as one undo
 * unit: "not article" regions, sources (one per speaker across the project where links.json says
 * two reports' sources are the same, else one per report), claims with their attributions, cues and
 * channels, tags, quantities, entities, and links within and across documents.
 *
 * The sample project uses it so that a new user opens a finished analysis; the tests use it as their
 * complete fixture. Every string is located exactly (its n-th occurrence); a string that cannot be
 * found stops the load and nothing is written.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Source } from '../../../shared/annotation-schemas.ts';
import { DomainError } from '../errors.ts';
import { normalizeText, sha256Hex } from '../import/normalize.ts';
import { action } from './context.ts';
import { GoldDocument, GoldLinks, nearestIndex, nthIndex } from './gold-format.ts';
import type { Annotation } from './index.ts';

const ANONYMOUS_TYPES = new Set(['anonymous official', 'witness or resident', 'analyst or expert', 'document or statement']);

export interface GoldLoadReport {
  documents: number;
  claims: number;
  sources: number;
  attributions: number;
  links: number;
  spans: number;
}

/** Reads `<dir>/*.gold.json` and `<dir>/links.json`; `textsDir` holds the annotated text files. */
export function readGold(dir: string): { documents: GoldDocument[]; links: GoldLinks } {
  const parse = <T>(file: string, schema: { parse(v: unknown): T }) => {
    try {
      return schema.parse(JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')));
    } catch (error) {
      throw new DomainError('BAD_GOLD', `The reference annotation ${file} is unreadable: ${(error as Error).message}`);
    }
  };
  const documents = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.gold.json'))
    .sort()
    .map((f) => parse(f, GoldDocument));
  return { documents, links: parse('links.json', GoldLinks) };
}

export function loadGold(a: Annotation, goldDir: string, textsDir: string): GoldLoadReport {
  const { documents: golds, links } = readGold(goldDir);
  const { ctx } = a;
  return action(ctx, 'Load the reference annotation', (group) => {
    const report: GoldLoadReport = { documents: 0, claims: 0, sources: 0, attributions: 0, links: 0, spans: 0 };
    const claimIds = new Map<string, string>(); // "000:c1" → claim id
    const identity = new Map<string, string>(); // "000:s2" → canonical name
    for (const s of links.source_identities) for (const m of s.members) identity.set(m, s.canonical);
    const sharedSources = new Map<string, string>(); // canonical name → source id
    const tagIds = new Map<string, string>();
    const tag = (name: string) => {
      let id = tagIds.get(name);
      if (!id) tagIds.set(name, (id = a.tags.ensure(group, name)));
      return id;
    };

    for (const gold of golds) {
      const prefix = gold.document.slice(0, 3);
      const text = normalizeText(fs.readFileSync(path.join(textsDir, gold.document), 'utf8'));
      const doc = ctx.documents.findBySha(sha256Hex(text));
      if (!doc || doc.deletedAt !== null) throw new DomainError('BAD_GOLD', `${gold.document} is not in the project; import it first.`);
      const documentId = doc.id;
      report.documents++;
      const span = (kind: Parameters<typeof a.spans.createIn>[1]['kind'], start: number, exact: string, extra: object = {}) => {
        report.spans++;
        return a.spans.createIn(group, { documentId, kind, start, end: start + exact.length, exact, ...extra }).id;
      };
      const locate = (needle: string, n: number, what: string) => {
        const at = nthIndex(text, needle, n);
        if (at === -1) throw new DomainError('BAD_GOLD', `${gold.document}: ${what} “${needle}” (occurrence ${n}) is not in the text.`);
        return at;
      };

      for (const region of excludedRegions(text)) span('excluded', region.start, text.slice(region.start, region.end));
      if (gold.outlet_stated && !doc.outlet) {
        ctx.documents.write(documentId, { outlet: gold.outlet_stated }, group.at);
        ctx.oplog.record(group, 'document.update', 'document', documentId, { outlet: null }, { outlet: gold.outlet_stated });
      }

      const sourceIds = new Map<string, string>();
      for (const s of gold.sources) {
        const canonical = identity.get(`${prefix}:${s.id}`);
        let id = canonical ? sharedSources.get(canonical) : undefined;
        if (id) {
          const row = ctx.changes.require('source', id);
          const aliases = [...new Set([...(JSON.parse(row.aliases as string) as string[]), s.name, ...s.aliases])].filter((x) => x !== row.name);
          ctx.changes.update(group, 'source', id, { aliases: JSON.stringify(aliases) });
        } else {
          const created: Source = a.sources.createIn(group, {
            name: canonical ?? s.name,
            type: s.type,
            affiliation: s.affiliation,
            aliases: canonical && canonical !== s.name ? [s.name, ...s.aliases] : s.aliases,
            scopeDocumentId: !canonical && ANONYMOUS_TYPES.has(s.type) ? documentId : null,
          });
          id = created.id;
          report.sources++;
          if (canonical) sharedSources.set(canonical, id);
        }
        sourceIds.set(s.id, id);
        for (const m of s.mentions) span('source', locate(m, 1, `mention of ${s.name}`), m, { sourceId: id });
      }

      const cueSpans = new Map<string, string>(); // "kind@start" → span id, shared by claims with the same cue
      const reuse = (kind: 'cue' | 'channel', needle: string, near: [number, number]) => {
        const at = nearestIndex(text, needle, near[0], near[1]);
        if (at === -1) throw new DomainError('BAD_GOLD', `${gold.document}: ${kind} “${needle}” is not in the text.`);
        const key = `${kind}@${at}`;
        let id = cueSpans.get(key);
        if (!id) cueSpans.set(key, (id = span(kind, at, needle)));
        return id;
      };

      for (const c of gold.claims) {
        const start = locate(c.exact, c.occurrence, `claim ${c.id}`);
        const id = span(c.kind, start, c.exact);
        claimIds.set(`${prefix}:${c.id}`, id);
        report.claims++;
        for (const t of c.tags) ctx.changes.create(group, 'tagging', { tag_id: tag(t), span_id: id });
        for (const at of c.attributions) {
          const near: [number, number] = [start, start + c.exact.length];
          a.claims.attributeIn(group, id, {
            sourceId: sourceIds.get(at.source)!,
            cueSpanId: at.cue ? reuse('cue', at.cue, near) : null,
            channel: at.channel,
            channelSpanId: at.channel ? reuse('channel', at.channel, near) : null,
            speech: at.speech,
            anonymous: at.anonymous,
            anonymityReason: at.anonymity_reason,
            via: at.via.map((v) => sourceIds.get(v)!),
            credibility: at.credibility,
            rationale: at.credibility_rationale,
          });
          report.attributions++;
        }
      }
      for (const l of gold.links) {
        a.claims.linkIn(group, claimIds.get(`${prefix}:${l.from}`)!, claimIds.get(`${prefix}:${l.to}`)!, l.relation, l.note ?? null);
        report.links++;
      }
      for (const q of gold.quantities) {
        const kind = q.kind === 'date' ? 'date' : 'quantity';
        span(kind, locate(q.exact, q.occurrence, `quantity ${q.id}`), q.exact, {
          data: { value: q.value, unit: q.unit, period: q.period, approx: q.approx, normalized: q.normalized, quantityKind: q.kind },
        });
      }
      for (const e of gold.entities) {
        for (const m of e.mentions) span('entity', locate(m, 1, `entity ${e.name}`), m, { data: { name: e.name, type: e.type } });
      }
    }
    for (const l of links.links) {
      const from = claimIds.get(l.from);
      const to = claimIds.get(l.to);
      if (!from || !to) throw new DomainError('BAD_GOLD', `links.json links unknown claims ${l.from} → ${l.to}.`);
      a.claims.linkIn(group, from, to, l.relation, l.note ?? null);
      report.links++;
    }
    return report;
  });
}

/**
 * Page furniture and reader comments, per the guidelines: the section label above a headline, the
 * second copy of a duplicated photo caption, and everything from "Do you like this article?" or
 * "More News" to the end.
 */
export function excludedRegions(text: string): Array<{ start: number; end: number }> {
  const regions: Array<{ start: number; end: number }> = [];
  const tail = ['Do you like this article?', 'More News']
    .map((marker) => text.indexOf(`\n\n${marker}`))
    .filter((i) => i !== -1);
  const end = tail.length ? Math.min(...tail) + 2 : text.length;
  const firstLine = text.slice(0, text.indexOf('\n'));
  if (/^[A-Z][a-z]+( [A-Z][a-z]+)?$/.test(firstLine) && text.startsWith(`${firstLine}\n\n`)) regions.push({ start: 0, end: firstLine.length });
  let at = 0;
  while (at < end) {
    const lineEnd = text.indexOf('\n', at);
    if (lineEnd === -1) break;
    const line = text.slice(at, lineEnd);
    if (line.length > 20 && text.startsWith(`${line}\n`, lineEnd + 1)) {
      regions.push({ start: lineEnd + 1, end: lineEnd + 1 + line.length });
      at = lineEnd + 1 + line.length;
      continue;
    }
    at = lineEnd + 1;
  }
  if (end < text.length) regions.push({ start: end, end: text.replace(/\s+$/, '').length });
  return regions;
}

