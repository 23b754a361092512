/**
 * The reference annotation's file format (`resources/sample/gold/*.gold.json` and `links.json`, an
 * analyst's complete annotation of the sample reports; see its GUIDELINES.md). Strings are located in
 * the text by their `occurrence`: the n-th match, counting from 1.
 */
import { z } from 'zod';
import { CLAIM_KINDS, RELATIONS, SOURCE_TYPES } from '../../../shared/annotation-schemas.ts';

const GoldAttribution = z.object({
  source: z.string(),
  cue: z.string().nullable(),
  channel: z.string().nullable(),
  speech: z.enum(['direct', 'indirect']),
  anonymous: z.boolean(),
  anonymity_reason: z.string().nullable(),
  via: z.array(z.string()),
  credibility: z.number().int().min(1).max(6),
  credibility_rationale: z.string(),
});

export const GoldDocument = z.object({
  document: z.string(),
  title: z.string().nullable(),
  byline: z.string().nullable(),
  outlet_stated: z.string().nullable(),
  published_stated: z.string().nullable(),
  sources: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      type: z.enum(SOURCE_TYPES),
      affiliation: z.string().nullable(),
      aliases: z.array(z.string()),
      mentions: z.array(z.string()),
    }),
  ),
  claims: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(CLAIM_KINDS),
      exact: z.string(),
      occurrence: z.number().int().min(1),
      attributions: z.array(GoldAttribution),
      tags: z.array(z.string()),
    }),
  ),
  links: z.array(z.object({ from: z.string(), to: z.string(), relation: z.enum(RELATIONS), note: z.string().optional() })),
  quantities: z.array(
    z.object({
      id: z.string(),
      exact: z.string(),
      occurrence: z.number().int().min(1),
      kind: z.string(),
      value: z.number().nullable(),
      unit: z.string().nullable(),
      period: z.string().nullable(),
      approx: z.boolean(),
      normalized: z.string().nullable(),
      claim_id: z.string(),
    }),
  ),
  entities: z.array(z.object({ id: z.string(), name: z.string(), type: z.string(), mentions: z.array(z.string()) })),
});
export type GoldDocument = z.infer<typeof GoldDocument>;

export const GoldLinks = z.object({
  links: z.array(z.object({ from: z.string(), to: z.string(), relation: z.enum(RELATIONS), note: z.string().optional() })),
  source_identities: z.array(z.object({ canonical: z.string(), members: z.array(z.string()), note: z.string().optional() })),
});
export type GoldLinks = z.infer<typeof GoldLinks>;

/** Start of the n-th (1-based) occurrence of `needle`, or -1. */
export function nthIndex(text: string, needle: string, n: number): number {
  let at = -1;
  for (let i = 0; i < n; i++) {
    at = text.indexOf(needle, at + 1);
    if (at === -1) return -1;
  }
  return at;
}

/** The occurrence of `needle` closest to [from, to), preferring the same paragraph. */
export function nearestIndex(text: string, needle: string, from: number, to: number): number {
  const paraStart = text.lastIndexOf('\n\n', from) + 1;
  const paraEndRaw = text.indexOf('\n\n', to);
  const paraEnd = paraEndRaw === -1 ? text.length : paraEndRaw;
  let best = -1;
  let bestScore = Infinity;
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) {
    const end = at + needle.length;
    const distance = end <= from ? from - end : at >= to ? at - to : 0;
    const inParagraph = at >= paraStart && end <= paraEnd;
    const score = distance + (inParagraph ? 0 : 1_000_000);
    if (score < bestScore) {
      best = at;
      bestScore = score;
    }
  }
  return best;
}
