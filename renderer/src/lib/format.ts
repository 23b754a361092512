/** Display formats shared by the grid, search hits and the document view. */
import { uiLang } from '../i18n/t.ts';

const numberFormat = new Intl.NumberFormat(uiLang);

export function formatNumber(n: number): string {
  return numberFormat.format(n);
}

/** `2024-05-01T14:03:22.123Z` → `2024-05-01 14:03` in local time; unparseable values as stored. */
export function formatTimestamp(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

const languageNames = (() => {
  try {
    return new Intl.DisplayNames([uiLang], { type: 'language' });
  } catch {
    return null;
  }
})();

/** `ar` → `Arabic (ar)`; unknown tags as stored. */
export function formatLanguage(tag: string): string {
  if (!tag || tag === 'und') return tag || '—';
  let name: string | undefined;
  try {
    name = languageNames?.of(tag);
  } catch {
    name = undefined;
  }
  return name && name !== tag ? `${name} (${tag})` : tag;
}

/** A short hash for display: the first 12 hex digits. */
export function shortHash(sha: string): string {
  return sha.length > 12 ? `${sha.slice(0, 12)}…` : sha;
}

/** The project's display name: the file name without its folder or `.claimdesk`. */
export function projectName(path: string): string {
  const base = path.split(/[\\/]/).pop() ?? path;
  return base.replace(/\.claimdesk$/i, '');
}

export function newJobId(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `job-${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

export { leadLine } from '../../../shared/text/lead.ts';
