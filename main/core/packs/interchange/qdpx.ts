/**
 * REFI-QDA project exchange (`.qdpx`, QDA-XML 1.0), which NVivo, ATLAS.ti and MAXQDA read: a zip
 * with `project.qde` and the documents' text under `Sources/`.
 *
 * - Documents are TextSources whose text is `Sources/<guid>.txt` (UTF-8), named `internal://<guid>.txt`.
 * - The tag codebook becomes Codes, hierarchy kept; the span kinds (claim, denial, …) are Codes too,
 *   under "Claimdesk kinds", so every span is coded at least once.
 * - Spans are PlainTextSelections coded with their kind and tags. Their start and end positions count
 *   Unicode code points (characters), as the REFI-QDA standard counts characters, not UTF-16 units.
 * - Notes are Notes referenced from their selection; claim links are Links between selections.
 *
 * Every GUID is the record's own id, or named from ids (nameUuid), so the same project exports the
 * same XML.
 */
import { makeOffsetConverter } from '../../../../shared/anchoring/index.ts';
import { nameUuid } from '../pack-files.ts';
import type { PackContent } from '../pack-model.ts';
import { writeZip } from '../zip-writer.ts';

const KINDS = ['claim', 'denial', 'dispute', 'source', 'cue', 'channel', 'entity', 'quantity', 'date', 'note', 'excluded'];
const KIND_COLORS: Record<string, string> = { claim: '#E0B400', denial: '#C8372D', dispute: '#D9822B' };

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
/** XML 1.0 cannot carry most control characters at all, even escaped: they are dropped. */
export const xml = (text: string): string =>
  text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '').replace(/[&<>"']/g, (c) => XML_ESCAPES[c]!);

const clip = (text: string, max = 80) => {
  const clean = text.replace(/\s+/g, ' ').trim();
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
};

export function projectQde(content: PackContent, appVersion: string): string {
  const out: string[] = ['<?xml version="1.0" encoding="utf-8"?>'];
  const created = content.documents.map((d) => d.record.created).sort()[0];
  out.push(`<Project xmlns="urn:QDA-XML:project:1.0" name="Claimdesk export" origin="Claimdesk ${xml(appVersion)}"${created ? ` creationDateTime="${created}"` : ''}>`);
  if (content.analysts.length > 0) {
    out.push('<Users>', ...content.analysts.map((a) => `<User guid="${a.id}" name="${xml(a.name)}"/>`), '</Users>');
  }
  const kindCode = new Map(KINDS.map((k) => [k, nameUuid('qdpx-kind', k)]));
  out.push('<CodeBook><Codes>');
  out.push(`<Code guid="${nameUuid('qdpx-kinds')}" name="Claimdesk kinds" isCodable="false">`);
  for (const k of KINDS) out.push(`<Code guid="${kindCode.get(k)}" name="${k}" isCodable="true"${KIND_COLORS[k] ? ` color="${KIND_COLORS[k]}"` : ''}/>`);
  out.push('</Code>');
  const children = new Map<string | null, typeof content.tags>();
  const tagIds = new Set(content.tags.map((t) => t.id));
  for (const t of content.tags) {
    const parent = t.parentId && tagIds.has(t.parentId) ? t.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), t]);
  }
  const codes = (parent: string | null, depth: number) => {
    for (const t of children.get(parent) ?? []) {
      const attrs = `guid="${t.id}" name="${xml(t.name)}" isCodable="true"${t.color ? ` color="${t.color}"` : ''}`;
      if (!children.has(t.id) || depth > 50) out.push(`<Code ${attrs}/>`);
      else {
        out.push(`<Code ${attrs}>`);
        codes(t.id, depth + 1);
        out.push('</Code>');
      }
    }
  };
  codes(null, 0);
  out.push('</Codes></CodeBook>');

  const byDoc = new Map<string, PackContent['annotations']>();
  for (const a of content.annotations) byDoc.set(a.documentId, [...(byDoc.get(a.documentId) ?? []), a]);
  const notes: string[] = [];
  const links: string[] = [];
  const user = (id: string | null) => (id && content.analysts.some((a) => a.id === id) ? ` creatingUser="${id}"` : '');
  out.push('<Sources>');
  for (const d of content.documents) {
    const r = d.record;
    out.push(`<TextSource guid="${r.id}" name="${xml(r.title ?? 'Untitled document')}" plainTextPath="internal://${r.id}.txt"${user(r.creator)} creationDateTime="${r.created}">`);
    const description = [r.outlet, r.author, r.published, r.url].filter(Boolean).join(' · ');
    if (description) out.push(`<Description>${xml(description)}</Description>`);
    const converter = makeOffsetConverter(d.text);
    for (const a of byDoc.get(r.id) ?? []) {
      if (a.orphaned) continue;
      out.push(
        `<PlainTextSelection guid="${a.id}" name="${xml(clip(a.exact))}" startPosition="${converter.toCodePoints(a.start)}" endPosition="${converter.toCodePoints(a.end)}"${user(a.creator)} creationDateTime="${a.created}" modifiedDateTime="${a.modified}">`,
      );
      for (const code of [kindCode.get(a.kind)!, ...a.tagIds]) {
        out.push(`<Coding guid="${nameUuid('qdpx-coding', a.id, code)}"${user(a.creator)} creationDateTime="${a.created}"><CodeRef targetGUID="${code}"/></Coding>`);
      }
      if (a.note !== null) {
        const noteId = nameUuid('qdpx-note', a.id);
        out.push(`<NoteRef targetGUID="${noteId}"/>`);
        notes.push(`<Note guid="${noteId}" name="${xml(`Note on “${clip(a.exact, 40)}”`)}"${user(a.creator)} creationDateTime="${a.created}"><PlainTextContent>${xml(a.note)}</PlainTextContent></Note>`);
      }
      out.push('</PlainTextSelection>');
      for (const l of a.links) {
        links.push(`<Link guid="${l.id}" name="${l.relation}" direction="OneWay" originGUID="${a.id}" targetGUID="${l.toClaimId}"/>`);
      }
    }
    out.push('</TextSource>');
  }
  out.push('</Sources>');
  if (notes.length > 0) out.push('<Notes>', ...notes, '</Notes>');
  if (links.length > 0) out.push('<Links>', ...links, '</Links>');
  out.push('</Project>', '');
  return out.join('\n');
}

export function writeQdpx(content: PackContent, appVersion: string): Uint8Array {
  const enc = new TextEncoder();
  return writeZip([
    { name: 'project.qde', data: enc.encode(projectQde(content, appVersion)) },
    ...content.documents.map((d) => ({ name: `Sources/${d.record.id}.txt`, data: enc.encode(d.text) })),
  ]);
}
