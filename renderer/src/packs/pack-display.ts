/** Display helpers of the Packs view: sizes, fingerprints, counts and the download's file name. */
import { t, type MessageKey } from '../i18n/t.ts';
import { formatNumber } from '../lib/format.ts';

/** `1234567` → `1.2 MB`; bytes below a kilobyte as they are. */
export function formatBytes(n: number): string {
  if (n < 1024) return `${formatNumber(n)} B`;
  const units = ['KB', 'MB', 'GB'];
  let value = n / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

/** The core gives a fingerprint as lower-case hex in groups of four; people compare upper case. */
export function fullFingerprint(fingerprint: string): string {
  return fingerprint.toUpperCase();
}

/** `3f2a 91c0 …` → `3F2A 91C0…`: enough to recognise a key, not to trust it (the whole one is shown too). */
export function shortFingerprint(fingerprint: string): string {
  return `${fingerprint.toUpperCase().split(' ').slice(0, 2).join(' ')}…`;
}

/**
 * A pack's SHA-256 cut to its first 16 hex digits: the same on the sender's Export panel and the
 * recipient's list of merges, so the two can be compared at a glance (the whole one on hover).
 */
export function shortPackSha(sha256: string): string {
  return `${sha256.slice(0, 16)}…`;
}

const COUNT_KEYS = {
  documents: 'packs.count.documents',
  annotations: 'packs.count.annotations',
  claims: 'packs.count.claims',
  attributions: 'packs.count.attributions',
  links: 'packs.count.links',
  sources: 'packs.count.sources',
  tags: 'packs.count.tags',
  files: 'packs.count.files',
} as const satisfies Record<string, MessageKey>;

/** A manifest's counts as phrases in a fixed order ("4 documents"); unknown kinds (a newer minor version) as `name: n`. */
export function countPhrases(counts: Record<string, number>): string[] {
  const known = Object.keys(COUNT_KEYS) as (keyof typeof COUNT_KEYS)[];
  const phrases = known.filter((k) => counts[k] !== undefined).map((k) => t(COUNT_KEYS[k], { count: counts[k]! }));
  for (const [name, n] of Object.entries(counts)) {
    if (!(name in COUNT_KEYS)) phrases.push(`${name}: ${formatNumber(n)}`);
  }
  return phrases;
}

const EXTENSIONS = { claimpack: '.claimpack', qdpx: '.qdpx', brat: '-brat.zip' } as const;

/** `<project>-<YYYY-MM-DD>.claimpack`, in local time; characters no file system accepts become `_`. */
export function packFileName(project: string, format: keyof typeof EXTENSIONS, now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const date = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  const safe = project.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').trim() || 'claimdesk';
  return `${safe}-${date}${EXTENSIONS[format]}`;
}

/** What a manifest says was left out, as phrases ("notes", "2 documents"). */
export function redactedPhrases(r: { notes: boolean; annotators: boolean; documents: number }): string[] {
  return [
    ...(r.notes ? [t('packs.verify.redactedNotes')] : []),
    ...(r.annotators ? [t('packs.verify.redactedAnnotators')] : []),
    ...(r.documents > 0 ? [t('packs.verify.redactedDocuments', { count: r.documents })] : []),
  ];
}
