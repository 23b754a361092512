/**
 * Annotations sent from the verify thread to the merge, flat: every string of a batch joined into
 * one string with their lengths beside it (-1 for null), every number in one Float64Array. Both
 * cross the thread boundary as a copy of one string and a transfer of two buffers; the merge's side
 * cuts the strings out again and builds the same objects verify made.
 *
 * A structured clone of the annotations themselves would do the same job: receiving 100,000 of them
 * that way cost ~1.8 s of the main thread, the thread the import's time is made of.
 */
import type { PackAnnotation, PackAttribution, PackLink } from './pack-model.ts';

export interface AnnotationBatch {
  count: number;
  text: string;
  lengths: Int32Array;
  numbers: Float64Array;
  /** The buffers a postMessage can transfer rather than copy. */
  transfer?: ArrayBuffer[];
}

class Writer {
  readonly parts: string[] = [];
  readonly lengths: number[] = [];
  readonly numbers: number[] = [];
  str(v: string | null): void {
    if (v === null) this.lengths.push(-1);
    else {
      this.parts.push(v);
      this.lengths.push(v.length);
    }
  }
  num(v: number): void {
    this.numbers.push(v);
  }
}

export function encodeAnnotations(batch: PackAnnotation[]): AnnotationBatch {
  const w = new Writer();
  for (const a of batch) {
    w.str(a.id);
    w.str(a.documentId);
    w.str(a.kind);
    w.str(a.exact);
    w.str(a.prefix);
    w.str(a.suffix);
    w.str(a.sourceId);
    w.str(a.note);
    w.str(a.data === null ? null : JSON.stringify(a.data));
    w.str(a.created);
    w.str(a.modified);
    w.str(a.creator);
    w.num(a.start);
    w.num(a.end);
    w.num(a.orphaned ? 1 : 0);
    w.num(a.revision);
    // Claim: 0 none, 1 without an override, 2 with one.
    const claim = a.claim;
    w.num(claim === null ? 0 : claim.override === null ? 1 : 2);
    if (claim) {
      w.str(claim.status);
      if (claim.override) {
        w.str(claim.override.status);
        w.str(claim.override.reason);
      }
    }
    w.num(a.tagIds.length);
    for (const t of a.tagIds) w.str(t);
    w.num(a.attributions.length);
    for (const at of a.attributions) {
      w.str(at.id);
      w.str(at.sourceId);
      w.str(at.cueSpanId);
      w.str(at.channel);
      w.str(at.channelSpanId);
      w.str(at.speech);
      w.str(at.anonymityReason);
      w.str(at.rationale);
      w.str(at.rating);
      w.str(at.created);
      w.str(at.modified);
      w.str(at.creator);
      w.num(at.anonymous ? 1 : 0);
      w.num(at.credibility === null ? NaN : at.credibility);
      w.num(at.revision);
      w.num(at.via.length);
      for (const v of at.via) w.str(v);
    }
    w.num(a.links.length);
    for (const l of a.links) {
      w.str(l.id);
      w.str(l.toClaimId);
      w.str(l.relation);
      w.str(l.note);
      w.str(l.created);
      w.str(l.modified);
      w.str(l.creator);
      w.num(l.revision);
    }
  }
  const lengths = Int32Array.from(w.lengths);
  const numbers = Float64Array.from(w.numbers);
  return { count: batch.length, text: w.parts.join(''), lengths, numbers, transfer: [lengths.buffer as ArrayBuffer, numbers.buffer as ArrayBuffer] };
}

export function decodeAnnotations(b: AnnotationBatch): PackAnnotation[] {
  const { text, lengths, numbers } = b;
  let at = 0;
  let li = 0;
  let ni = 0;
  const str = (): string | null => {
    const n = lengths[li++]!;
    if (n < 0) return null;
    const s = text.slice(at, at + n);
    at += n;
    return s;
  };
  const must = () => str()!;
  const num = () => numbers[ni++]!;
  const out: PackAnnotation[] = new Array<PackAnnotation>(b.count);
  for (let i = 0; i < b.count; i++) {
    const id = must();
    const documentId = must();
    const kind = must();
    const exact = must();
    const prefix = must();
    const suffix = must();
    const sourceId = str();
    const note = str();
    const data = str();
    const created = must();
    const modified = must();
    const creator = str();
    const start = num();
    const end = num();
    const orphaned = num() === 1;
    const revision = num();
    const claimKind = num();
    let claim: PackAnnotation['claim'] = null;
    if (claimKind > 0) {
      const status = must();
      claim = { status, override: claimKind === 2 ? { status: must(), reason: str() } : null };
    }
    const tagIds: string[] = [];
    for (let n = num(); n > 0; n--) tagIds.push(must());
    const attributions: PackAttribution[] = [];
    for (let n = num(); n > 0; n--) {
      const [aid, source, cue, channel, channelSpan, speech, anonymityReason, rationale, rating, aCreated, aModified, aCreator] = [
        must(), must(), str(), str(), str(), must() as PackAttribution['speech'], str(), str(), str(), must(), must(), str(),
      ];
      const anonymous = num() === 1;
      const credibility = num();
      const rev = num();
      const via: string[] = [];
      for (let k = num(); k > 0; k--) via.push(must());
      // The keys in the order fromWebAnnotation gives them (a conflict record hashes their JSON).
      attributions.push({
        id: aid, sourceId: source, cueSpanId: cue, channel, channelSpanId: channelSpan, speech, anonymous, anonymityReason, via,
        credibility: Number.isNaN(credibility) ? null : credibility, rationale, rating, revision: rev, created: aCreated, modified: aModified, creator: aCreator,
      });
    }
    const links: PackLink[] = [];
    for (let n = num(); n > 0; n--) {
      const [lid, to, relation, lnote, lCreated, lModified, lCreator] = [must(), must(), must() as PackLink['relation'], str(), must(), must(), str()];
      links.push({ id: lid, toClaimId: to, relation, note: lnote, revision: num(), created: lCreated, modified: lModified, creator: lCreator });
    }
    out[i] = {
      id, documentId, kind, start, end, exact, prefix, suffix, orphaned, sourceId, note, data: data === null ? null : (JSON.parse(data) as PackAnnotation['data']),
      tagIds, claim, attributions, links, revision, created, modified, creator,
    };
  }
  if (at !== text.length || li !== lengths.length || ni !== numbers.length) throw new Error('An annotation batch from the verify thread was not read to its end.');
  return out;
}
