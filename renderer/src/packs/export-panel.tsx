/**
 * Export: format, which documents (all, chosen in the Library, by tag, by saved review view, by
 * published date), what to leave out (notes, annotator names, chosen documents), signing.
 * The browser host has no file system, so the core answers with the pack's bytes and the browser
 * downloads them; the result (size, hash, counts, signer) stays shown so the analyst can pass the
 * hash and fingerprint on by another channel.
 *
 * Packs stays mounted once opened, so "Export selected…" in the Library can arrive while the panel
 * is already set up: a new choice selects its scope and takes the focus, and nothing else changes.
 *
 * The result describes the pack the settings made when Export was pressed: it is put away as soon
 * as what would be sent changes (format, documents, what is left out, signing), so it never stands
 * beside settings that would make another pack.
 */
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { ExportResult } from '../../../shared/pack-schemas.ts';
import { useClient } from '../client/context.tsx';
import { useChanges } from '../hooks/changes.tsx';
import { useQuery } from '../hooks/use-query.ts';
import { t } from '../i18n/t.ts';
import { downloadBytes } from '../lib/download.ts';
import type { ExportChoice, PickedDocument } from './export-choice.ts';
import { ExportDone, PACK_MIME, type Done } from './export-done.tsx';
import { ChosenScope, DateScope, TagScope, useSavedViews, ViewScope } from './export-scopes.tsx';
import { LeaveOutFinder } from './leave-out-finder.tsx';
import { packFileName } from './pack-display.ts';
import { PackProgress } from './pack-progress.tsx';
import type { usePackJob } from './use-pack-job.ts';

type Format = ExportResult['format'];
type Scope = 'all' | 'chosen' | 'tags' | 'view' | 'date';
const FORMATS: readonly Format[] = ['claimpack', 'qdpx', 'brat'];
const SCOPES: readonly Scope[] = ['all', 'chosen', 'tags', 'view', 'date'];
const DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

interface Props {
  projectName: string;
  jobs: ReturnType<typeof usePackJob>;
  /** Whether Packs is on screen: the saved views are read again on coming back. */
  active: boolean;
  /** Documents chosen in the Library ("Export selected…"), or null. */
  choice: ExportChoice | null;
  onClearChoice: () => void;
}

export function ExportPanel({ projectName, jobs, active, choice, onClearChoice }: Props) {
  const client = useClient();
  const { version } = useChanges();
  const tags = useQuery(() => client.call('tags:list', {}), [client, version]);
  const views = useSavedViews(active);
  const [format, setFormat] = useState<Format>('claimpack');
  const [scope, setScope] = useState<Scope>(choice ? 'chosen' : 'all');
  const [seenChoice, setSeenChoice] = useState(choice);
  const [chosenTags, setChosenTags] = useState<ReadonlySet<string>>(new Set());
  const [pickedView, setPickedView] = useState<string | null>(null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [redactNotes, setRedactNotes] = useState(false);
  const [redactAnnotators, setRedactAnnotators] = useState(false);
  const [leftOut, setLeftOut] = useState<PickedDocument[]>([]);
  const [sign, setSign] = useState(false);
  // With the settings it was made with (`request`'s key), to put it away once they change.
  const [done, setDone] = useState<(Done & { settings: string }) | null>(null);
  // An export's failure, with the settings it was tried with: put away, as a result is, once they change.
  const [error, setError] = useState<{ message: string; settings: string } | null>(null);
  const [copied, setCopied] = useState(false);
  const resultRef = useRef<HTMLDivElement>(null);
  const chosenRadio = useRef<HTMLInputElement>(null);

  // A new choice from the Library selects its scope; a cleared one falls back to every document.
  if (choice !== seenChoice) {
    setSeenChoice(choice);
    if (choice) setScope('chosen');
    else if (scope === 'chosen') setScope('all');
  }
  // The button that brought the analyst here is now hidden: the focus goes where the choice shows.
  useEffect(() => {
    if (choice) chosenRadio.current?.focus();
  }, [choice]);
  // The form is taller than a laptop screen; the result must not land out of sight below it.
  useEffect(() => {
    if (done) resultRef.current?.scrollIntoView?.({ block: 'nearest' });
  }, [done]);

  // The view picked, or the first by name (also when the picked one was deleted meanwhile).
  const viewId = views.data?.find((v) => v.id === pickedView)?.id ?? views.data?.[0]?.id ?? null;
  const fromBad = from.trim() !== '' && !DATE.test(from.trim());
  const toBad = to.trim() !== '' && !DATE.test(to.trim());
  const problem = ((): string | null => {
    switch (scope) {
      case 'all':
        return null;
      case 'chosen':
        return choice ? null : t('packs.export.chooseHint');
      case 'tags':
        return chosenTags.size === 0 ? t('packs.export.pickTag') : null;
      case 'view':
        if (views.error) return t('packs.export.viewsError', { message: views.error.message });
        if (!views.data) return t('packs.export.viewsLoading');
        return viewId ? null : t('packs.export.noViews');
      case 'date':
        if (fromBad || toBad) return t('packs.export.dateInvalid');
        return !from.trim() && !to.trim() ? t('packs.export.pickDate') : null;
    }
  })();
  const busy = jobs.job !== null;

  const toggleTag = (name: string) =>
    setChosenTags((s) => {
      const next = new Set(s);
      if (!next.delete(name)) next.add(name);
      return next;
    });

  const selection = () => {
    switch (scope) {
      case 'all':
        return {};
      case 'chosen':
        return { documentIds: (choice?.documents ?? []).map((d) => d.id) };
      case 'tags':
        return { tags: [...chosenTags] };
      case 'view':
        return viewId ? { viewId } : {};
      case 'date':
        return { ...(from.trim() ? { from: from.trim() } : {}), ...(to.trim() ? { to: to.trim() } : {}) };
    }
  };

  // What Export sends but the job id. With the choice of documents (a date choice with no dates yet
  // sends what "All documents" sends), it says whether a result still matches the settings.
  const request = {
    format,
    sign: format === 'claimpack' && sign,
    redact: { notes: redactNotes, annotators: redactAnnotators, documents: leftOut.map((d) => d.id) },
    ...selection(),
  };
  const settings = JSON.stringify({ scope, ...request });
  if (done && done.settings !== settings) {
    setDone(null);
    setCopied(false);
  }
  if (error && error.settings !== settings) setError(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (problem || busy) return;
    setError(null);
    setDone(null);
    setCopied(false);
    const result = await jobs.run('export', (jobId) => client.call('packs:export', { jobId, ...request }));
    if (!result) return;
    if (!result.ok) {
      const { code, message } = result.error;
      // A chosen document deleted since it was chosen: the core names it by id; say what to do instead.
      const gone = code === 'NOT_FOUND' && scope === 'chosen';
      setError({ message: code === 'CANCELLED' ? t('packs.export.cancelled') : gone ? t('packs.export.chosenGone') : t('packs.export.failed', { message }), settings });
      return;
    }
    const fileName = packFileName(projectName, result.value.format);
    if (result.value.data) downloadBytes(result.value.data, fileName, PACK_MIME[result.value.format]);
    setDone({ result: result.value, fileName, settings });
  };

  const copySha = async () => {
    if (!done) return;
    await navigator.clipboard?.writeText(done.result.sha256).catch(() => undefined);
    setCopied(true);
  };

  const scopeLabel = (s: Scope): string => {
    switch (s) {
      case 'all':
        return t('packs.export.all');
      case 'chosen':
        return choice ? t('packs.export.byChosenCount', { count: choice.documents.length }) : t('packs.export.byChosen');
      case 'tags':
        return t('packs.export.byTags');
      case 'view':
        return t('packs.export.byView');
      case 'date':
        return t('packs.export.byDate');
    }
  };

  const scopeDetail = (s: Scope): ReactNode => {
    switch (s) {
      case 'all':
        return null;
      case 'chosen':
        return <ChosenScope choice={choice} onClear={onClearChoice} />;
      case 'tags':
        return <TagScope tags={tags} chosen={chosenTags} onToggle={toggleTag} />;
      case 'view':
        return <ViewScope views={views} value={viewId} onChange={setPickedView} />;
      case 'date':
        return <DateScope from={from} to={to} fromBad={fromBad} toBad={toBad} onFrom={setFrom} onTo={setTo} />;
    }
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
          {SCOPES.map((s) => (
            <div key={s} className="pack-scope">
              <label className="pack-choice">
                <input
                  ref={s === 'chosen' ? chosenRadio : undefined}
                  type="radio"
                  name="pack-scope"
                  value={s}
                  checked={scope === s}
                  onChange={() => setScope(s)}
                />
                <span>{scopeLabel(s)}</span>
              </label>
              {scope === s && scopeDetail(s)}
            </div>
          ))}
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
          <div className="pack-scope">
            <div className="pack-choice pack-choice-plain">
              <span>
                {t('packs.export.redactDocuments')}
                <span className="pack-hint">{t('packs.export.redactDocumentsHint')}</span>
              </span>
            </div>
            <LeaveOutFinder left={leftOut} onChange={setLeftOut} />
          </div>
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
          <button type="submit" className="button button-primary" disabled={busy || problem !== null} aria-describedby={problem ? 'pack-export-problem' : undefined}>
            {t('packs.export.button')}
          </button>
          {problem && (
            <span id="pack-export-problem" className="pack-hint">
              {problem}
            </span>
          )}
        </div>
      </form>

      {jobs.job?.kind === 'export' && <PackProgress job={jobs.job} onCancel={() => void jobs.cancel()} />}
      {error && (
        <p className="pack-error" role="alert">
          {error.message}
        </p>
      )}
      <div ref={resultRef}>{done && <ExportDone done={done} copied={copied} onCopy={() => void copySha()} />}</div>
    </section>
  );
}
