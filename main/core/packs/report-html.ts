/**
 * report.html: one self-contained page for people without Claimdesk. No script, no remote anything
 * (its CSP allows inline style and nothing else), readable offline and printable: the disputes side
 * by side, a sourcing table (claim, source, channel, Admiralty rating), and each document with its
 * claims highlighted. Every string that came from a document or an annotation is HTML-escaped; the
 * only markup is ours. Nothing time-dependent is written, so the same content gives the same page.
 */
import { CREDIBILITY_MEANING, RELIABILITY_MEANING, admiraltyRating } from '../../../shared/annotation-schemas.ts';
import type { PackAnnotation, PackContent } from './pack-model.ts';
import { REPORT_CSS } from './report-style.ts';

const SPECIAL = /[&<>"']/;
/** Native replaces, and none at all for the common piece of text with nothing to escape. */
export const escapeHtml = (text: string): string =>
  SPECIAL.test(text)
    ? text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;')
    : text;
const e = escapeHtml;

const plural = (n: number, word: string) => `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;
const clip = (text: string, max: number) => {
  const clean = text.replace(/\s+/g, ' ').trim();
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
};

const STATUS_LABEL: Record<string, string> = { uncontested: 'Uncontested', disputed: 'Disputed', denied: 'Denied', corroborated: 'Corroborated' };

export function reportHtml(content: PackContent, reliability: ReadonlyMap<string, string | null>): string {
  const docs = new Map(content.documents.map((d) => [d.record.id, d]));
  const sources = new Map(content.sources.map((s) => [s.id, s]));
  const byId = new Map(content.annotations.map((a) => [a.id, a]));
  const claims = content.annotations.filter((a) => a.claim);
  const disputes = claims.flatMap((from) => from.links.filter((l) => l.relation === 'denies' || l.relation === 'disputes').map((l) => ({ from, link: l })));
  const title = (documentId: string) => {
    const d = docs.get(documentId);
    return d ? documentLabel(d.record.title, d.text) : 'Unknown document';
  };
  const statusOf = (a: PackAnnotation) => a.claim?.override?.status ?? a.claim?.status ?? 'uncontested';
  const rating = (sourceId: string, credibility: number | null) => admiraltyRating(reliability.get(sourceId) ?? null, credibility);

  const badge = (r: string | null, sourceId: string, credibility: number | null) => {
    if (!r) return '<span class="rating none">—</span>';
    const rel = reliability.get(sourceId);
    const meaning = [rel ? RELIABILITY_MEANING[rel as keyof typeof RELIABILITY_MEANING] : 'source not graded', credibility ? CREDIBILITY_MEANING[credibility as 1] : 'information not graded'];
    return `<span class="rating r-${e(r.charAt(0))}" title="${e(meaning.join('; '))}">${e(r)}</span>`;
  };
  const sourcesLine = (a: PackAnnotation) =>
    a.attributions.length === 0
      ? '<span class="muted">No attributed source</span>'
      : a.attributions.map((at) => `${e(sources.get(at.sourceId)?.name ?? 'Unknown source')} ${badge(rating(at.sourceId, at.credibility), at.sourceId, at.credibility)}`).join('<span class="sep">·</span>');
  const claimCard = (a: PackAnnotation, role: string) => `<div class="card k-${e(a.kind)}">
  <div class="card-head"><span class="role">${e(role)}</span><span class="status s-${e(statusOf(a))}">${e(STATUS_LABEL[statusOf(a)] ?? statusOf(a))}</span></div>
  <blockquote><a href="#c-${e(a.id)}">${e(clip(a.exact, 400))}</a></blockquote>
  <div class="card-meta">${sourcesLine(a)}</div>
  <div class="card-doc">${e(title(a.documentId))}</div>
</div>`;

  // One row per contested claim: the claim on the left, everything that denies or disputes it on the right.
  const contested = new Map<string, Array<(typeof disputes)[number]>>();
  for (const d of disputes) contested.set(d.link.toClaimId, [...(contested.get(d.link.toClaimId) ?? []), d]);
  const disputeRows = [...contested.entries()].flatMap(([toId, against]) => {
    const to = byId.get(toId);
    if (!to) return [];
    const right = against
      .map(({ from, link }) => `<div class="relation r-${e(link.relation)}">${link.relation === 'denies' ? 'denied by' : 'disputed by'}</div>
${claimCard(from, from.kind === 'claim' ? 'Counter-claim' : from.kind === 'denial' ? 'Denial' : 'Dispute')}${link.note ? `<p class="link-note">${e(link.note)}</p>` : ''}`)
      .join('\n');
    return [`<div class="pair">
<div class="left">${claimCard(to, 'Claim')}</div>
<div class="right">${right}</div>
</div>`];
  });

  // Grouped by document; a claim with several sources spans their rows.
  const claimsByDoc = new Map<string, PackAnnotation[]>();
  for (const a of claims) claimsByDoc.set(a.documentId, [...(claimsByDoc.get(a.documentId) ?? []), a]);
  const sourcingRows = content.documents.flatMap((d) => {
    const docClaims = claimsByDoc.get(d.record.id) ?? [];
    if (docClaims.length === 0) return [];
    const meta = [d.record.outlet, d.record.published].filter(Boolean).map((x) => e(x!)).join(' · ');
    const head = `<tr class="group"><th colspan="4"><a href="#d-${e(d.record.id)}">${e(title(d.record.id))}</a>${meta ? `<span class="under"> · ${meta}</span>` : ''}</th></tr>`;
    return [head, ...docClaims.flatMap((a) => {
      const span = Math.max(1, a.attributions.length);
      const claimCell = `<td class="claim-cell" rowspan="${span}"><a href="#c-${e(a.id)}">${e(clip(a.exact, 220))}</a> <span class="status s-${e(statusOf(a))}">${e(STATUS_LABEL[statusOf(a)] ?? '')}</span></td>`;
      if (a.attributions.length === 0) return [`<tr>${claimCell}<td class="muted">No attributed source</td><td class="muted">—</td><td><span class="rating none">—</span></td></tr>`];
      return a.attributions.map((at, i) => {
        const s = sources.get(at.sourceId);
        const via = at.via.map((v) => sources.get(v)?.name).filter(Boolean).join(' → ');
        const who = `${e(s?.name ?? 'Unknown source')}${s ? `<div class="under">${e(s.type)}${at.anonymous ? ' · anonymous' : ''}${at.anonymityReason ? `: ${e(at.anonymityReason)}` : ''}</div>` : ''}`;
        const channel = `${at.channel ? e(at.channel) : '<span class="muted">—</span>'}<div class="under">${at.speech} speech${via ? ` · via ${e(via)}` : ''}</div>`;
        return `<tr${i > 0 ? ' class="more"' : ''}>${i === 0 ? claimCell : ''}<td>${who}</td><td>${channel}</td><td>${badge(rating(at.sourceId, at.credibility), at.sourceId, at.credibility)}</td></tr>`;
      });
    })];
  });

  const spansByDoc = new Map<string, PackAnnotation[]>();
  for (const a of content.annotations) {
    const list = spansByDoc.get(a.documentId);
    if (list) list.push(a);
    else spansByDoc.set(a.documentId, [a]);
  }
  const articles = content.documents.map((d) => {
    const r = d.record;
    const meta = [r.outlet, r.author, r.published, r.language].filter(Boolean).map((x) => e(x!)).join(' · ');
    const count = (spansByDoc.get(r.id) ?? []).filter((a) => a.claim).length;
    return `<article id="d-${e(r.id)}">
<h3>${e(documentLabel(r.title, d.text))}</h3>
<p class="doc-meta">${meta}${meta ? ' · ' : ''}${plural(count, 'claim')}${r.url ? ` · <span class="url">${e(r.url)}</span>` : ''}</p>
<div class="text" dir="${r.direction === 'rtl' ? 'rtl' : 'ltr'}" lang="${e(r.language)}">${markText(d.text, spansByDoc.get(r.id) ?? [])}</div>
</article>`;
  });

  const toc = content.documents.map((d) => `<li><a href="#d-${e(d.record.id)}">${e(documentLabel(d.record.title, d.text))}</a></li>`).join('');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>Sourcing report: ${plural(content.documents.length, 'document')}, ${plural(claims.length, 'claim')}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<header class="top">
<p class="kicker">Claimdesk pack</p>
<h1>Sourcing report</h1>
<ul class="figures"><li><strong>${content.documents.length}</strong> documents</li><li><strong>${claims.length}</strong> claims</li><li><strong>${content.sources.length}</strong> sources</li><li><strong>${contested.size}</strong> contested claims</li></ul>
<nav><a href="#disputes">Disputes</a><a href="#sourcing">Sourcing</a><a href="#documents">Documents</a></nav>
<p class="legend"><mark class="k-claim">claim</mark> <mark class="k-denial">denial</mark> <mark class="k-dispute">dispute</mark> <span class="excluded">not part of the article</span> · Ratings are Admiralty grades: source reliability A–F, information credibility 1–6.</p>
</header>
<main>
<section id="disputes"><h2>Disputes</h2>
${disputeRows.length ? disputeRows.join('\n') : '<p class="muted">No claim in this pack is denied or disputed.</p>'}
</section>
<section id="sourcing"><h2>Sourcing</h2>
<table><thead><tr><th>Claim</th><th>Source</th><th>Channel</th><th>Rating</th></tr></thead>
<tbody>
${sourcingRows.join('\n')}
</tbody></table>
</section>
<section id="documents"><h2>Documents</h2>
<ol class="toc">${toc}</ol>
${articles.join('\n')}
</section>
</main>
<footer>Made by Claimdesk from the annotations in this pack. The pack's manifest says who made it, when, and what was redacted.</footer>
</body>
</html>
`;
}

/** A document's title, or for an untitled one its first words, so no two read "Untitled". */
export function documentLabel(title: string | null, text: string): string {
  if (title) return title;
  const first = text.split('\n').map((l) => l.trim()).find((l) => l.length > 0) ?? '';
  return first ? `Untitled: “${clip(first, 70)}”` : 'Untitled document';
}

/**
 * The text with claims in `<mark>` (the innermost claim wins where claims nest) and "not article"
 * regions greyed. Cut at every span edge, so overlapping spans never produce crossed tags.
 */
export function markText(text: string, spans: PackAnnotation[]): string {
  const live = spans.filter((s) => !s.orphaned && s.end <= text.length && (s.claim || s.kind === 'excluded'));
  const cuts = new Set<number>([0, text.length]);
  const startsAt = new Map<number, PackAnnotation[]>();
  const endsAt = new Map<number, PackAnnotation[]>();
  const push = (m: Map<number, PackAnnotation[]>, k: number, s: PackAnnotation) => (m.get(k) ?? m.set(k, []).get(k)!).push(s);
  for (const s of live) {
    cuts.add(s.start);
    cuts.add(s.end);
    push(startsAt, s.start, s);
    push(endsAt, s.end, s);
  }
  const edges = [...cuts].sort((a, b) => a - b);
  const active = new Set<PackAnnotation>();
  const anchored = new Set<string>();
  let out = '';
  for (let i = 0; i + 1 < edges.length; i++) {
    const from = edges[i]!;
    const to = edges[i + 1]!;
    for (const s of endsAt.get(from) ?? []) active.delete(s);
    for (const s of startsAt.get(from) ?? []) active.add(s);
    let html = e(text.slice(from, to));
    let claim: PackAnnotation | undefined;
    let excluded = false;
    for (const s of active) {
      if (s.kind === 'excluded') excluded = true;
      else if (!claim || s.end - s.start < claim.end - claim.start) claim = s;
    }
    if (claim) {
      const id = anchored.has(claim.id) ? '' : ` id="c-${e(claim.id)}"`;
      anchored.add(claim.id);
      html = `<mark class="k-${e(claim.kind)}"${id}>${html}</mark>`;
    }
    out += excluded ? `<span class="excluded">${html}</span>` : html;
  }
  return out;
}
