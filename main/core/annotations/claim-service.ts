/**
 * Claims: their attributions, the links between them, and their status.
 *
 * A claim's status is derived from the links that point at it: denied if a live claim denies it,
 * else disputed if one disputes it, else corroborated if a claim with an independent source
 * corroborates it, else uncontested. "Independent" means the corroborating claim shares no source
 * with it, directly or through a relay (the same wire story carried twice corroborates nothing).
 * Denial outranks corroboration because an analyst must see a contested claim as contested first.
 * The analyst may override the status, only with a reason, which the log keeps.
 */
import type { Attribution, Claim, ClaimLink } from '../../../shared/annotation-schemas.ts';
import { ConflictError, NotFoundError, ValidationError } from '../errors.ts';
import type { Group } from '../history/oplog.ts';
import { action, quote, type AnnotationContext } from './context.ts';
import { toAttribution, toLink } from './mappers.ts';

export interface AttributionInput {
  sourceId?: string;
  cueSpanId?: string | null | undefined;
  channel?: string | null | undefined;
  channelSpanId?: string | null | undefined;
  speech?: 'direct' | 'indirect';
  anonymous?: boolean;
  anonymityReason?: string | null | undefined;
  via?: string[];
  credibility?: number | null | undefined;
  rationale?: string | null | undefined;
}

const COLUMN: Record<keyof AttributionInput, string> = {
  sourceId: 'source_id', cueSpanId: 'cue_span_id', channel: 'channel', channelSpanId: 'channel_span_id', speech: 'speech',
  anonymous: 'anonymous', anonymityReason: 'anonymity_reason', via: 'via', credibility: 'credibility', rationale: 'rationale',
};

export class ClaimService {
  constructor(private readonly ctx: AnnotationContext) {}

  get(id: string): Claim {
    const { ctx } = this;
    const span = ctx.changes.require('span', id);
    const claim = ctx.changes.require('claim', id);
    const attributions = ctx.repo.attributionsOfClaim(id).map((a) => this.attributionView(a.id));
    return {
      id,
      revision: claim.revision,
      documentId: claim.document_id as string,
      kind: span.kind as Claim['kind'],
      status: ((claim.status_override as string | null) ?? claim.status) as Claim['status'],
      derivedStatus: claim.status as Claim['status'],
      overrideReason: (claim.override_reason as string | null) ?? null,
      attributions,
    };
  }

  attribute(claimId: string, input: AttributionInput & { sourceId: string }): Attribution {
    const claim = this.ctx.changes.require('span', claimId);
    const source = this.ctx.changes.require('source', input.sourceId);
    return action(this.ctx, `Attribute ${quote(claim.exact as string, 30)} to ${source.name as string}`, (group) =>
      this.attributeIn(group, claimId, input),
    );
  }

  attributeIn(group: Group, claimId: string, input: AttributionInput & { sourceId: string }): Attribution {
    this.ctx.changes.require('claim', claimId);
    const values = this.checkAttribution(claimId, input);
    const id = this.ctx.changes.create(group, 'attribution', { claim_id: claimId, speech: 'indirect', anonymous: 0, via: '[]', ...values });
    this.recomputeLinked(claimId);
    return this.attributionView(id);
  }

  updateAttribution(id: string, revision: number, patch: AttributionInput): Attribution {
    const row = this.ctx.changes.require('attribution', id);
    const values = this.checkAttribution(row.claim_id as string, patch);
    return action(this.ctx, 'Edit attribution', (group) => {
      this.ctx.changes.update(group, 'attribution', id, values, revision);
      this.recomputeLinked(row.claim_id as string);
      return this.attributionView(id);
    });
  }

  deleteAttribution(id: string): boolean {
    this.ctx.changes.require('attribution', id);
    return action(this.ctx, 'Delete attribution', (group) => {
      const done = this.ctx.changes.remove(group, 'attribution', id);
      this.recomputeLinked(this.ctx.entities.get('attribution', id)!.claim_id as string);
      return done;
    });
  }

  link(fromId: string, toId: string, relation: ClaimLink['relation'], note?: string | null): ClaimLink {
    const { ctx } = this;
    if (fromId === toId) throw new ValidationError('A claim cannot be linked to itself.');
    const from = ctx.changes.require('span', fromId);
    ctx.changes.require('claim', fromId);
    ctx.changes.require('claim', toId);
    const existing = ctx.repo.linksTouching(fromId).map((l) => ctx.repo.link(l)!).find((l) => l.to_claim_id === toId && l.relation === relation);
    if (existing) throw new ConflictError(`These claims are already linked: ${quote(from.exact as string, 30)} ${relation} the other.`);
    return action(ctx, `Link ${quote(from.exact as string, 30)} ${relation} a claim`, (group) => this.linkIn(group, fromId, toId, relation, note));
  }

  linkIn(group: Group, fromId: string, toId: string, relation: ClaimLink['relation'], note?: string | null): ClaimLink {
    const id = this.ctx.changes.create(group, 'claim_link', { from_claim_id: fromId, to_claim_id: toId, relation, note: note ?? null });
    this.recompute(toId);
    return toLink(this.ctx.repo.link(id)!);
  }

  unlink(id: string): boolean {
    const link = this.ctx.changes.require('claim_link', id);
    return action(this.ctx, `Remove “${link.relation as string}” link`, (group) => {
      const done = this.ctx.changes.remove(group, 'claim_link', id);
      this.recompute(link.to_claim_id as string);
      return done;
    });
  }

  override(id: string, status: Claim['status'] | null, reason?: string): Claim {
    const span = this.ctx.changes.require('span', id);
    this.ctx.changes.require('claim', id);
    if (status !== null && !reason?.trim()) throw new ValidationError('Give a reason for overriding the status; it is kept in the history.');
    const label = status === null ? `Clear status override of ${quote(span.exact as string, 30)}` : `Set ${quote(span.exact as string, 30)} to ${status}`;
    return action(this.ctx, label, (group) => {
      this.ctx.changes.update(group, 'claim', id, { status_override: status, override_reason: status === null ? null : reason!.trim() });
      return this.get(id);
    });
  }

  /** Derives and stores the status of one claim, and why, from the live links pointing at it. */
  recompute(claimId: string): void {
    const { repo, entities } = this.ctx;
    if (!entities.live('claim', claimId)) return;
    const incoming = repo.incomingLinks(claimId).filter((l) => entities.live('claim', l.from_claim_id));
    const by = (relation: string) => incoming.filter((l) => l.relation === relation).map((l) => l.from_claim_id);
    const [denials, disputes, corroborations] = [by('denies'), by('disputes'), by('corroborates')];
    let status = 'uncontested';
    let reason: string | null = null;
    if (denials.length > 0) {
      status = 'denied';
      reason = `Denied by ${this.describe(denials)}`;
    } else if (disputes.length > 0) {
      status = 'disputed';
      reason = `Disputed by ${this.describe(disputes)}`;
    } else if (corroborations.length > 0) {
      const verdicts = corroborations.map((c) => ({ c, why: this.dependence(c, claimId) }));
      const independent = verdicts.filter((v) => v.why === null);
      if (independent.length > 0) {
        status = 'corroborated';
        reason = `Corroborated by ${this.describe(independent.map((v) => v.c))}`;
      } else {
        reason = `Not independently corroborated: ${verdicts.map((v) => v.why).join('; ')}`;
      }
    }
    repo.setStatus(claimId, status, reason);
  }

  /** “2 claims (Government of Syria, Iran)”: who the linked claims come from. */
  private describe(claimIds: string[]): string {
    const names = new Set<string>();
    for (const id of claimIds) for (const a of this.ctx.repo.attributionsOfClaim(id)) names.add(this.ctx.repo.source(a.source_id)?.name ?? '?');
    const count = claimIds.length === 1 ? '1 claim' : `${claimIds.length} claims`;
    return names.size ? `${count} (${[...names].join(', ')})` : count;
  }

  /** Recomputes a claim and every claim it points at (after its sources or kind change). */
  recomputeLinked(claimId: string): void {
    this.recompute(claimId);
    for (const linkId of this.ctx.repo.linksTouching(claimId)) this.recompute(this.ctx.repo.link(linkId)!.to_claim_id);
  }

  /** True when the two claims share no source, directly or as a relay. */
  independent(a: string, b: string): boolean {
    return this.dependence(a, b) === null;
  }

  /**
   * Why claim `a` cannot corroborate claim `b` independently, or null if it can: it has no source, or
   * the two trace back to a shared source, directly or through a relay (one wire story carried by two
   * outlets). The same text imported from two outlets is one document, so it cannot corroborate itself.
   */
  dependence(a: string, b: string): string | null {
    const { repo } = this.ctx;
    const sourcesOf = (claimId: string) => {
      const set = new Set<string>();
      for (const at of repo.attributionsOfClaim(claimId)) {
        set.add(at.source_id);
        for (const v of JSON.parse(at.via) as string[]) set.add(v);
      }
      return set;
    };
    const sa = sourcesOf(a);
    if (sa.size === 0) return 'the corroborating claim has no source';
    const sb = sourcesOf(b);
    const shared = [...sa].filter((s) => sb.has(s)).map((s) => repo.source(s)?.name ?? s);
    return shared.length ? `both trace back to ${shared.join(', ')}` : null;
  }

  private attributionView(id: string): Attribution {
    const row = this.ctx.changes.require('attribution', id);
    const source = this.ctx.repo.source(row.source_id as string);
    return toAttribution(row, source?.reliability ?? null);
  }

  private checkAttribution(claimId: string, input: AttributionInput): Record<string, unknown> {
    const { ctx } = this;
    const claim = ctx.changes.require('span', claimId);
    if (input.sourceId) ctx.changes.require('source', input.sourceId);
    for (const v of input.via ?? []) ctx.changes.require('source', v);
    for (const key of ['cueSpanId', 'channelSpanId'] as const) {
      const spanId = input[key];
      if (!spanId) continue;
      const span = ctx.entities.live('span', spanId);
      if (!span) throw new NotFoundError(key === 'cueSpanId' ? 'Cue' : 'Channel', spanId);
      if (span.document_id !== claim.document_id) throw new ValidationError('The cue and the channel must be in the same document as the claim.');
    }
    if (input.anonymityReason && input.anonymous === false) throw new ValidationError('A reason for anonymity needs the attribution to be anonymous.');
    const out: Record<string, unknown> = {};
    for (const [key, column] of Object.entries(COLUMN) as Array<[keyof AttributionInput, string]>) {
      const v = input[key];
      if (v === undefined) continue;
      out[column] = key === 'via' ? JSON.stringify(v) : typeof v === 'string' ? v.trim() || null : v;
    }
    return out;
  }
}
