/**
 * Export: format, which documents (all, by tag, by published date), what to leave out, signing.
 * The browser host has no file system, so the core answers with the pack's bytes and the browser
 * downloads them; the result (size, hash, counts, signer) stays shown so the analyst can pass the
 * hash and fingerprint on by another channel.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { ExportResult } from '../../../shared/pack-schemas.ts';
import { useClient } from '../client/context.tsx';
import { useChanges } from '../hooks/changes.tsx';
import { useQuery } from '../hooks/use-query.ts';
import { t } from '../i18n/t.ts';
import { downloadBytes } from '../lib/download.ts';
import { countPhrases, formatBytes, packFileName, redactedPhrases } from './pack-display.ts';
import { PackProgress } from './pack-progress.tsx';
import type { usePackJob } from './use-pack-job.ts';
import { FingerprintLines } from './verify-report.tsx';

type Format = ExportResult['format'];
type Scope = 'all' | 'tags' | 'date';
const FORMATS: readonly Format[] = ['claimpack', 'qdpx', 'brat'];
const DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;
const MIME = { claimpack: 'application/zip', qdpx: 'application/zip', brat: 'application/zip' } as const;

interface Done {
  result: ExportResult;
  fileName: string;
}

interface Props {
  projectName: string;
  jobs: ReturnType<typeof usePackJob>;
}

export function ExportPanel({ projectName, jobs }: Props) {
  const client = useClient();
  const { version } = useChanges();
  const tags = useQuery(() => client.call('tags:list', {}), [client, version]);
  const [format, setFormat] = useState<Format>('claimpack');
  const [scope, setScope] = useState<Scope>('all');
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [redactNotes, setRedactNotes] = useState(false);
  const [redactAnnotators, setRedactAnnotators] = useState(false);
  const [sign, setSign] = useState(false);
  const [done, setDone] = useState<Done | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const resultRef = useRef<HTMLDivElement>(null);
  // The form is taller than a laptop screen; the result must not land out of sight below it.
  useEffect(() => {
    if (done) resultRef.current?.scrollIntoView?.({ block: 'nearest' });
  }, [done]);

  const fromBad = from.trim() !== '' && !DATE.test(from.trim());
  const toBad = to.trim() !== '' && !DATE.test(to.trim());
  const problem =
    scope === 'tags' && chosen.size === 0
      ? t('packs.export.pickTag')
      : scope === 'date' && (fromBad || toBad)
        ? t('packs.export.dateInvalid')
        : scope === 'date' && !from.trim() && !to.trim()
          ? t('packs.export.pickDate')
          : null;
  const busy = jobs.job !== null;

  const toggleTag = (name: string) =>
    setChosen((s) => {
      const next = new Set(s);
      if (!next.delete(name)) next.add(name);
      return next;
    });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (problem || busy) return;
    setError(null);
    setDone(null);
    setCopied(false);
    const result = await jobs.run('export', (jobId) =>
      client.call('packs:export', {
        jobId,
        format,
        sign: format === 'claimpack' && sign,
        redact: { notes: redactNotes, annotators: redactAnnotators, documents: [] },
        ...(scope === 'tags' ? { tags: [...chosen] } : {}),
        ...(scope === 'date' && from.trim() ? { from: from.trim() } : {}),
        ...(scope === 'date' && to.trim() ? { to: to.trim() } : {}),
      }),
    );
    if (!result) return;
    if (!result.ok) {
      setError(result.error.code === 'CANCELLED' ? t('packs.export.cancelled') : t('packs.export.failed', { message: result.error.message }));
      return;
    }
    const fileName = packFileName(projectName, result.value.format);
    if (result.value.data) downloadBytes(result.value.data, fileName, MIME[result.value.format]);
    setDone({ result: result.value, fileName });
  };

  const copySha = async () => {
    if (!done) return;
    await navigator.clipboard?.writeText(done.result.sha256).catch(() => undefined);
    setCopied(true);
  };

  return (
    <section className="pack-panel" aria-labelledby="pack-export-title">
      <h2 id="pack-export-title">{t('packs.export.title')}</h2>
      <form className="pack-form" onSubmit={(e) => void submit(e)}>
        <fieldset disabled={busy}>
          <legend>{t('packs.export.format')}</legend>
          {FORMATS.map((f) => (
            <label key={f} className="pack-choice">
              <input type="radio" name="pack-format" value={f} checked={format === f} onChange={() => setFormat(f)} />
              <span>
                {t(`packs.export.format.${f}`)}
                <span className="pack-hint">{t(`packs.export.format.${f}Hint`)}</span>
              </span>
            </label>
          ))}
        </fieldset>

        <fieldset disabled={busy}>
          <legend>{t('packs.export.selection')}</legend>
          {(['all', 'tags', 'date'] as const).map((s) => (
            <label key={s} className="pack-choice">
              <input type="radio" name="pack-scope" value={s} checked={scope === s} onChange={() => setScope(s)} />
              <span>{t(s === 'all' ? 'packs.export.all' : s === 'tags' ? 'packs.export.byTags' : 'packs.export.byDate')}</span>
            </label>
          ))}
          {scope === 'tags' && (
            <div className="pack-sub">
              {tags.data && tags.data.length === 0 && <p className="muted">{t('packs.export.noTags')}</p>}
              {tags.data && tags.data.length > 0 && (
                <>
                  <ul className="pack-tags" aria-label={t('packs.export.tags')}>
                    {[...tags.data]
                      .sort((a, b) => a.name.localeCompare(b.name))
                      .map((tag) => (
                        <li key={tag.id}>
                          <label className="pack-tag">
                            <input type="checkbox" checked={chosen.has(tag.name)} onChange={() => toggleTag(tag.name)} />
                            <span className="pack-swatch" style={{ background: tag.color ?? 'var(--cd-border)' }} aria-hidden="true" />
                            <span dir="auto">{tag.name}</span>
                          </label>
                        </li>
                      ))}
                  </ul>
                  <p className="pack-hint">{t('packs.export.tagsChosen', { count: chosen.size })}</p>
                </>
              )}
              {tags.error && <p className="status-error">{tags.error.message}</p>}
            </div>
          )}
          {scope === 'date' && (
            <div className="pack-sub pack-dates">
              <label className="field-inline">
                {t('packs.export.from')}
                <input className="date-input" value={from} placeholder="YYYY-MM-DD" aria-invalid={fromBad} onChange={(e) => setFrom(e.target.value)} />
              </label>
              <label className="field-inline">
                {t('packs.export.to')}
                <input className="date-input" value={to} placeholder="YYYY-MM-DD" aria-invalid={toBad} onChange={(e) => setTo(e.target.value)} />
              </label>
              <p className="pack-hint">{t('packs.export.dateHint')}</p>
            </div>
          )}
        </fieldset>

        <fieldset disabled={busy}>
          <legend>{t('packs.export.redaction')}</legend>
          <label className="pack-choice">
            <input type="checkbox" checked={redactNotes} onChange={(e) => setRedactNotes(e.target.checked)} />
            <span>
              {t('packs.export.redactNotes')}
              <span className="pack-hint">{t('packs.export.redactNotesHint')}</span>
            </span>
          </label>
          <label className="pack-choice">
            <input type="checkbox" checked={redactAnnotators} onChange={(e) => setRedactAnnotators(e.target.checked)} />
            <span>
              {t('packs.export.redactAnnotators')}
              <span className="pack-hint">{t('packs.export.redactAnnotatorsHint')}</span>
            </span>
          </label>
        </fieldset>

        <fieldset disabled={busy || format !== 'claimpack'}>
          <label className="pack-choice">
            <input type="checkbox" checked={format === 'claimpack' && sign} onChange={(e) => setSign(e.target.checked)} />
            <span>
              {t('packs.export.sign')}
              <span className="pack-hint">{t(format === 'claimpack' ? 'packs.export.signHint' : 'packs.export.signOnlyPack')}</span>
            </span>
          </label>
        </fieldset>

        <div className="pack-actions">
          <button type="submit" className="button button-primary" disabled={busy || problem !== null}>
            {t('packs.export.button')}
          </button>
          {problem && <span className="pack-hint">{problem}</span>}
        </div>
      </form>

      {jobs.job?.kind === 'export' && <PackProgress job={jobs.job} onCancel={() => void jobs.cancel()} />}
      {error && (
        <p className="pack-error" role="alert">
          {error}
        </p>
      )}
      <div ref={resultRef}>{done && <ExportDone done={done} copied={copied} onCopy={() => void copySha()} />}</div>
    </section>
  );
}

function ExportDone({ done, copied, onCopy }: { done: Done; copied: boolean; onCopy: () => void }) {
  const { result, fileName } = done;
  const m = result.manifest;
  const left = m ? redactedPhrases(m.redacted) : [];
  return (
    <section className="pack-result" aria-labelledby="pack-exported-title">
      <header className="pack-result-head">
        <h3 id="pack-exported-title">{t('packs.export.doneTitle')}</h3>
        <span className="muted">{t('packs.export.saved', { file: fileName })}</span>
        {result.data && (
          <button
            type="button"
            className="button button-small"
            onClick={() => downloadBytes(result.data!, fileName, MIME[result.format])}
          >
            {t('packs.export.downloadAgain')}
          </button>
        )}
      </header>
      <dl className="pack-facts">
        <dt>{t('packs.export.size')}</dt>
        <dd>{formatBytes(result.bytes)}</dd>
        <dt>{t('packs.export.sha256')}</dt>
        <dd>
          <span className="mono" title={result.sha256}>
            {result.sha256.slice(0, 16)}…
          </span>{' '}
          <button type="button" className="button button-small" onClick={onCopy}>
            {copied ? t('packs.export.copied') : t('packs.export.copySha')}
          </button>
        </dd>
        {m && (
          <>
            <dt>{t('packs.export.counts')}</dt>
            <dd>{countPhrases(m.counts).join(' · ')}</dd>
          </>
        )}
        {result.format === 'claimpack' && (
          <>
            <dt>{result.fingerprint ? t('packs.export.signer') : t('packs.verify.signature')}</dt>
            <dd className={result.fingerprint ? undefined : 'muted'}>
              {result.fingerprint ? <FingerprintLines fingerprint={result.fingerprint} /> : t('packs.export.unsigned')}
            </dd>
          </>
        )}
        {left.length > 0 && (
          <>
            <dt>{t('packs.export.redacted')}</dt>
            <dd>{left.join(', ')}</dd>
          </>
        )}
      </dl>
    </section>
  );
}
