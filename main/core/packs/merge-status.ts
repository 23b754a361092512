/**
 * The derived statuses a merge must recompute (the targets of new links, claims brought back), set
 * based: the claim service's `recompute` asks six queries per claim, a second of CPU for the 10,000
 * link targets of the bench's pack. The rule is the service's (annotations/claim-service.ts), applied
 * to inputs read for all claims at once (`PackRepository.statusInputs`):
 *
 * - denied when a live claim denies it, "Denied by N claims (their sources)";
 * - else disputed, "Disputed by …", the same way;
 * - else uncontested with no reason when nothing points at it;
 * - claims with only corroborations go to the service itself, whose independence test (shared
 *   sources, relays) stays in one place.
 *
 * tests/unit/packs/merge-status.test.ts checks every claim of a sample-corpus merge against the
 * service's own recompute.
 */
import type { PackRepository } from './pack-repository.ts';

export function recomputeStatuses(packs: PackRepository, claimIds: Iterable<string>, byService: (claimId: string) => void): void {
  for (const row of packs.statusInputs(claimIds)) {
    if (row.relation === 'corroborates') {
      byService(row.id);
      continue;
    }
    if (row.relation === null) {
      packs.setClaimStatus(row.id, 'uncontested', null);
      continue;
    }
    const count = row.links === 1 ? '1 claim' : `${row.links} claims`;
    const who = row.names ? `${count} (${row.names})` : count;
    if (row.relation === 'denies') packs.setClaimStatus(row.id, 'denied', `Denied by ${who}`);
    else packs.setClaimStatus(row.id, 'disputed', `Disputed by ${who}`);
  }
}
