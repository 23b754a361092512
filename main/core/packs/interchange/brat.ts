/**
 * brat standoff (https://brat.nlplab.org/standoff.html): per document `<id>.txt` and `<id>.ann`,
 * with an `annotation.conf` declaring the types, zipped under `brat/`.
 *
 * Offsets count Unicode code points of the `.txt`, because brat is Python and indexes its `str`
 * that way (our spans count UTF-16 units, so an emoji before a span shifts them by one each).
 * A span that crosses a line break becomes a discontinuous annotation (`start end;start end`), as
 * brat itself writes it, since the text field of a line cannot hold a newline.
 *
 * - spans: text-bound annotations `T1\tClaim 0 10\ttext`
 * - attributions: `AttributedTo` from the claim to a mention of the source in the same document,
 *   `HasCue` and `HasChannel` to the cue and channel spans; a source never mentioned in the document
 *   is named in a note instead
 * - claim links within a document: `Denies`, `Disputes`, `Corroborates`, `Repeats`, `Updates`;
 *   links to another document are notes (brat relations stay inside one document)
 * - notes: `#1\tAnnotatorNotes T1\t...`
 */
import { makeOffsetConverter } from '../../../../shared/anchoring/index.ts';
import type { PackAnnotation, PackContent } from '../pack-model.ts';
import { writeZip } from '../zip-writer.ts';

const LABEL: Record<string, string> = {
  claim: 'Claim', denial: 'Denial', dispute: 'Dispute', source: 'Source', cue: 'Cue', channel: 'Channel', entity: 'Entity',
  quantity: 'Quantity', date: 'Date', note: 'Note', excluded: 'Excluded',
};
const RELATION: Record<string, string> = { denies: 'Denies', disputes: 'Disputes', corroborates: 'Corroborates', repeats: 'Repeats', updates: 'Updates' };
const CLAIMS = 'Claim|Denial|Dispute';

export const ANNOTATION_CONF = `[entities]
${Object.values(LABEL).join('\n')}

[relations]
AttributedTo\tArg1:${CLAIMS}, Arg2:Source
HasCue\tArg1:${CLAIMS}, Arg2:Cue
HasChannel\tArg1:${CLAIMS}, Arg2:Channel
${Object.values(RELATION).map((r) => `${r}\tArg1:${CLAIMS}, Arg2:${CLAIMS}`).join('\n')}

[events]

[attributes]
`;

const oneLine = (text: string) => text.replace(/[\t\r\n]+/g, ' ');

/** The .ann of one document. */
export function bratAnn(text: string, annotations: PackAnnotation[], content: PackContent): string {
  const converter = makeOffsetConverter(text);
  const sources = new Map(content.sources.map((s) => [s.id, s.name]));
  const titles = new Map(content.documents.map((d) => [d.record.id, d.record.title ?? 'an untitled document']));
  const exactOf = new Map(content.annotations.map((a) => [a.id, a]));
  const lines: string[] = [];
  const tOf = new Map<string, string>();
  const live = annotations.filter((a) => !a.orphaned);
  live.forEach((a, i) => {
    const t = `T${i + 1}`;
    tOf.set(a.id, t);
    const fragments: string[] = [];
    const pieces: string[] = [];
    let from = a.start;
    for (const part of text.slice(a.start, a.end).split('\n')) {
      const to = from + part.length;
      if (part.length > 0) {
        fragments.push(`${converter.toCodePoints(from)} ${converter.toCodePoints(to)}`);
        pieces.push(part);
      }
      from = to + 1;
    }
    lines.push(`${t}\t${LABEL[a.kind] ?? 'Note'} ${fragments.join(';')}\t${oneLine(pieces.join(' '))}`);
  });
  const mentionOf = new Map<string, string>();
  for (const a of live) if (a.kind === 'source' && a.sourceId && !mentionOf.has(a.sourceId)) mentionOf.set(a.sourceId, tOf.get(a.id)!);
  let r = 0;
  let n = 0;
  const note = (t: string, body: string) => lines.push(`#${++n}\tAnnotatorNotes ${t}\t${oneLine(body)}`);
  for (const a of live) {
    const t = tOf.get(a.id)!;
    for (const at of a.attributions) {
      const mention = mentionOf.get(at.sourceId);
      if (mention) lines.push(`R${++r}\tAttributedTo Arg1:${t} Arg2:${mention}`);
      else note(t, `Attributed to ${sources.get(at.sourceId) ?? at.sourceId}${at.channel ? ` via ${at.channel}` : ''}`);
      if (at.cueSpanId && tOf.has(at.cueSpanId)) lines.push(`R${++r}\tHasCue Arg1:${t} Arg2:${tOf.get(at.cueSpanId)}`);
      if (at.channelSpanId && tOf.has(at.channelSpanId)) lines.push(`R${++r}\tHasChannel Arg1:${t} Arg2:${tOf.get(at.channelSpanId)}`);
    }
    for (const l of a.links) {
      const other = tOf.get(l.toClaimId);
      if (other) lines.push(`R${++r}\t${RELATION[l.relation]} Arg1:${t} Arg2:${other}`);
      else {
        const target = exactOf.get(l.toClaimId);
        note(t, `${RELATION[l.relation]} a claim in ${target ? titles.get(target.documentId) : 'another document'}: ${target?.exact ?? l.toClaimId}`);
      }
    }
    if (a.note !== null) note(t, a.note);
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}

export function writeBrat(content: PackContent): Uint8Array {
  const enc = new TextEncoder();
  const byDoc = new Map<string, PackAnnotation[]>();
  for (const a of content.annotations) byDoc.set(a.documentId, [...(byDoc.get(a.documentId) ?? []), a]);
  return writeZip([
    { name: 'brat/annotation.conf', data: enc.encode(ANNOTATION_CONF) },
    ...content.documents.flatMap((d) => [
      { name: `brat/${d.record.id}.ann`, data: enc.encode(bratAnn(d.text, byDoc.get(d.record.id) ?? [], content)) },
      { name: `brat/${d.record.id}.txt`, data: enc.encode(d.text) },
    ]),
  ]);
}
