/** The report's stylesheet (inline: the page must stand alone). Light, print-friendly, RTL-aware. */
export const REPORT_CSS = `
:root { --ink: #1d2330; --muted: #5f6b7a; --line: #dfe3ea; --paper: #ffffff; --wash: #f5f6f8; --accent: #2b4c7e;
  --claim: #fff1b8; --claim-edge: #e0b400; --denial: #ffd9d6; --denial-edge: #c8372d; --dispute: #ffe4c2; --dispute-edge: #d9822b; }
* { box-sizing: border-box; }
html { background: var(--wash); }
body { margin: 0 auto; max-width: 1120px; padding: 32px 40px 64px; background: var(--paper); color: var(--ink);
  font: 15px/1.55 system-ui, -apple-system, "Segoe UI", "Noto Sans", "Noto Sans Arabic", Tahoma, sans-serif;
  box-shadow: 0 0 0 1px var(--line); }
a { color: var(--accent); text-decoration: none; }
a:hover { text-decoration: underline; }
h1 { font-size: 30px; line-height: 1.2; margin: 2px 0 14px; letter-spacing: -0.01em; }
h2 { font-size: 20px; margin: 44px 0 16px; padding-bottom: 6px; border-bottom: 2px solid var(--ink); }
h3 { font-size: 18px; margin: 0 0 4px; }
.kicker { margin: 0; text-transform: uppercase; letter-spacing: .08em; font-size: 12px; color: var(--muted); font-weight: 600; }
.figures { display: flex; gap: 28px; list-style: none; padding: 0; margin: 0 0 14px; color: var(--muted); }
.figures strong { display: block; font-size: 24px; color: var(--ink); font-variant-numeric: tabular-nums; }
nav { display: flex; gap: 18px; margin: 8px 0; font-weight: 600; }
.legend { color: var(--muted); font-size: 13px; margin: 10px 0 0; }
.muted { color: var(--muted); }
mark { border-radius: 2px; padding: 0 1px; color: inherit; }
mark.k-claim { background: var(--claim); box-shadow: inset 0 -2px 0 var(--claim-edge); }
mark.k-denial { background: var(--denial); box-shadow: inset 0 -2px 0 var(--denial-edge); }
mark.k-dispute { background: var(--dispute); box-shadow: inset 0 -2px 0 var(--dispute-edge); }
mark:target { outline: 2px solid var(--accent); }
.excluded { color: #9aa3ae; }
.pair { display: grid; grid-template-columns: 1fr 1fr; gap: 10px 28px; align-items: start; margin: 0 0 22px; padding-bottom: 22px; border-bottom: 1px dashed var(--line); }
.pair .left .card { position: sticky; top: 8px; }
.pair .right .relation:not(:first-child) { margin-top: 16px; }
.card { border: 1px solid var(--line); border-left: 4px solid var(--claim-edge); border-radius: 6px; padding: 10px 14px; background: #fffdf5; }
.card.k-denial { border-left-color: var(--denial-edge); background: #fff8f7; }
.card.k-dispute { border-left-color: var(--dispute-edge); background: #fffaf3; }
.card-head { display: flex; justify-content: space-between; align-items: center; font-size: 12px; text-transform: uppercase; letter-spacing: .06em; color: var(--muted); font-weight: 600; }
.card blockquote { margin: 6px 0 8px; font-size: 15px; }
.card blockquote a { color: var(--ink); }
.card-meta { font-size: 13px; }
.card-doc { font-size: 12px; color: var(--muted); margin-top: 4px; }
.relation { font-size: 11px; font-weight: 700; text-transform: uppercase; letter-spacing: .06em; color: var(--denial-edge); margin: 0 0 4px; }
.relation::before { content: "← "; }
.relation.r-disputes { color: var(--dispute-edge); }
.link-note { margin: 4px 0 0 4px; font-size: 13px; color: var(--muted); font-style: italic; }
.status { display: inline-block; font-size: 11px; font-weight: 700; text-transform: uppercase; letter-spacing: .04em; padding: 1px 7px; border-radius: 10px; background: #e8ecf2; color: #3a4656; }
.status.s-denied { background: var(--denial); color: #8c1f17; }
.status.s-disputed { background: var(--dispute); color: #8a4a07; }
.status.s-corroborated { background: #d7f0dd; color: #1e6b35; }
.rating { display: inline-block; min-width: 30px; text-align: center; font: 700 12px/20px ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace;
  border-radius: 4px; background: #e8ecf2; color: #1d2330; padding: 0 5px; }
.rating.r-A, .rating.r-B { background: #d7f0dd; color: #1e6b35; }
.rating.r-C { background: #fff1b8; color: #6b5300; }
.rating.r-D, .rating.r-E { background: var(--denial); color: #8c1f17; }
.rating.none { background: transparent; color: var(--muted); }
.sep { color: var(--muted); margin: 0 6px; }
table { width: 100%; border-collapse: collapse; font-size: 14px; }
thead th { position: sticky; top: 0; background: var(--paper); text-align: start; font-size: 12px; text-transform: uppercase; letter-spacing: .05em;
  color: var(--muted); border-bottom: 2px solid var(--ink); padding: 8px 10px; }
tbody td { border-bottom: 1px solid var(--line); padding: 8px 10px; vertical-align: top; }
tr.group th { text-align: start; background: var(--wash); padding: 14px 10px 8px; font-size: 14px; border-bottom: 1px solid var(--line); }
tr.group th a { color: var(--ink); }
tr.more td { border-top: 1px dotted var(--line); }
td[rowspan] { border-bottom: 1px solid var(--line); }
td.claim-cell { width: 52%; }
td.claim-cell a { color: var(--ink); }
.under { font-size: 12px; color: var(--muted); margin-top: 2px; }
.toc { columns: 2; color: var(--muted); padding-inline-start: 20px; margin: 0 0 24px; }
article { border-top: 1px solid var(--line); padding: 22px 0 8px; }
.doc-meta { color: var(--muted); font-size: 13px; margin: 0 0 12px; }
.url { word-break: break-all; }
.text { white-space: pre-wrap; overflow-wrap: anywhere; font-size: 15.5px; line-height: 1.7; max-width: 76ch; }
.text[dir="rtl"] { font-size: 17px; line-height: 1.9; margin-inline-start: auto; }
footer { margin-top: 48px; padding-top: 12px; border-top: 1px solid var(--line); color: var(--muted); font-size: 12px; }
@media (max-width: 760px) { body { padding: 20px; } .pair { grid-template-columns: 1fr; } }
@media print { html { background: none; } body { box-shadow: none; max-width: none; padding: 0; } nav { display: none; } .pair, tr, article h3 { break-inside: avoid; } }
`;
