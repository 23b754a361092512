/**
 * A document's metadata, read and edited. Editing keeps the revision it started from, so a change
 * made meanwhile elsewhere (another window, the CLI) is reported as a conflict by the core instead
 * of being overwritten. Only changed fields are sent; an emptied field becomes "no value".
 */
import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { PartialDate, type DocumentFull, type DocumentMeta } from '../../../shared/contract.ts';
import { useClient } from '../client/context.tsx';
import { useBump } from '../hooks/changes.tsx';
import { t, type PlainMessageKey } from '../i18n/t.ts';
import { formatLanguage, formatNumber, shortHash } from '../lib/format.ts';

type Field = keyof DocumentMeta;
const FIELDS: readonly { key: Field; label: PlainMessageKey }[] = [
  { key: 'title', label: 'doc.field.title' },
  { key: 'outlet', label: 'doc.field.outlet' },
  { key: 'author', label: 'doc.field.author' },
  { key: 'url', label: 'doc.field.url' },
  { key: 'published', label: 'doc.field.published' },
];

interface Editing {
  revision: number;
  values: Record<Field, string>;
}
type Problem = { kind: 'conflict' } | { kind: 'error'; message: string } | null;

export function MetadataPanel({ doc, onReload }: { doc: DocumentFull; onReload: () => void }) {
  const client = useClient();
  const bump = useBump();
  const [editing, setEditing] = useState<Editing | null>(null);
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<Problem>(null);
  const [copied, setCopied] = useState(false);

  const startEdit = () => {
    setProblem(null);
    const values = Object.fromEntries(FIELDS.map((f) => [f.key, doc[f.key] ?? ''])) as Record<Field, string>;
    setEditing({ revision: doc.revision, values });
  };

  const publishedInvalid = editing !== null && editing.values.published.trim() !== '' && !PartialDate.safeParse(editing.values.published.trim()).success;

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!editing || publishedInvalid) return;
    const patch: Partial<DocumentMeta> = {};
    for (const { key } of FIELDS) {
      const value = editing.values[key].trim() === '' ? null : editing.values[key].trim();
      if (value !== doc[key]) patch[key] = value;
    }
    if (Object.keys(patch).length === 0) {
      setEditing(null);
      return;
    }
    setSaving(true);
    const result = await client.call('documents:update', { id: doc.id, revision: editing.revision, patch });
    setSaving(false);
    if (result.ok) {
      setEditing(null);
      bump('documents');
    } else if (result.error.code === 'CONFLICT') {
      setProblem({ kind: 'conflict' });
    } else {
      setProblem({ kind: 'error', message: result.error.message });
    }
  };

  const onFormKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    setEditing(null);
    setProblem(null);
  };

  const copyUrl = async () => {
    if (!doc.url) return;
    try {
      await navigator.clipboard.writeText(doc.url);
      setCopied(true);
      setTimeout(() => setCopied(false), 1500);
    } catch {
      // Clipboard refused (permissions): the URL is selectable text anyway.
    }
  };

  const problemView = problem && (
    <div className="panel-problem" role="alert">
      <p>{problem.kind === 'conflict' ? t('doc.conflict') : t('doc.saveError', { message: problem.message })}</p>
      {problem.kind === 'conflict' && (
        <button type="button" className="button" onClick={() => { setEditing(null); setProblem(null); onReload(); }}>
          {t('doc.reload')}
        </button>
      )}
    </div>
  );

  if (editing) {
    return (
      <section className="metadata" aria-labelledby="metadata-title">
        <h2 id="metadata-title">{t('doc.metadata')}</h2>
        <form className="metadata-form" onSubmit={(e) => void save(e)} onKeyDown={onFormKeyDown}>
          {FIELDS.map(({ key, label }) => (
            <label key={key} className="field">
              <span>{t(label)}</span>
              <input
                value={editing.values[key]}
                dir="auto"
                placeholder={key === 'published' ? t('filters.datePlaceholder') : undefined}
                aria-invalid={key === 'published' && publishedInvalid ? true : undefined}
                onChange={(e) => setEditing({ ...editing, values: { ...editing.values, [key]: e.target.value } })}
              />
              {key === 'published' && publishedInvalid && <span className="field-error">{t('filters.dateInvalid')}</span>}
            </label>
          ))}
          {problemView}
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={saving || publishedInvalid}>
              {saving ? t('doc.saving') : t('doc.save')}
            </button>
            <button type="button" className="button" onClick={() => { setEditing(null); setProblem(null); }}>
              {t('doc.cancel')}
            </button>
          </div>
        </form>
      </section>
    );
  }

  const value = (v: string | null) => (v ? <span dir="auto">{v}</span> : <span className="muted">{t('doc.none')}</span>);
  return (
    <section className="metadata" aria-labelledby="metadata-title">
      <header className="metadata-header">
        <h2 id="metadata-title">{t('doc.metadata')}</h2>
        <button type="button" className="button" onClick={startEdit}>
          {t('doc.edit')}
        </button>
      </header>
      <dl className="meta-list">
        <dt>{t('doc.field.title')}</dt>
        <dd>{value(doc.title)}</dd>
        <dt>{t('doc.field.outlet')}</dt>
        <dd>{value(doc.outlet)}</dd>
        <dt>{t('doc.field.author')}</dt>
        <dd>{value(doc.author)}</dd>
        <dt>{t('doc.field.url')}</dt>
        <dd className="meta-url">
          {value(doc.url)}
          {doc.url && (
            <button type="button" className="button button-small" onClick={() => void copyUrl()}>
              {copied ? t('doc.copied') : t('doc.copyUrl')}
            </button>
          )}
        </dd>
        <dt>{t('doc.field.published')}</dt>
        <dd>{value(doc.published)}</dd>
        <dt>{t('doc.field.language')}</dt>
        <dd>{formatLanguage(doc.language)}</dd>
        <dt>{t('doc.field.words')}</dt>
        <dd>{formatNumber(doc.wordCount)}</dd>
        <dt>{t('doc.field.sha256')}</dt>
        <dd className="mono" dir="ltr" title={doc.sha256}>
          {shortHash(doc.sha256)}
        </dd>
      </dl>
      {problemView}
    </section>
  );
}
