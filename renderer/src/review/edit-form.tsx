/**
 * The frame every in-grid edit shares: a small popup form (ag-grid popup cell editor) that sends
 * the change through the contract and closes only when the core has stored it. When the core
 * refuses (validation, a stale revision) the message stays in the popup and nothing is saved; the
 * grid's row is never changed locally, it is re-read from the core after the change.
 *
 * Keys: Enter saves (ag-grid's own Enter handling is suppressed while editing, see
 * `editorKeys`), Escape cancels.
 */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { SuppressKeyboardEventParams } from 'ag-grid-community';
import type { CustomCellEditorProps } from 'ag-grid-react';
import type { ErrorInfo, Result } from '../../../shared/result.ts';
import type { ReviewRow } from '../../../shared/review-schemas.ts';
import { undoAction, useToast, type UndoStep } from '../components/toast.tsx';
import { useChanges } from '../hooks/changes.tsx';
import { t } from '../i18n/t.ts';

/** What the review grid hands its editors through ag-grid's `context`. */
export interface ReviewGridContext {
  undo: UndoStep;
}

export type EditorProps = CustomCellEditorProps<ReviewRow, unknown, ReviewGridContext>;

/**
 * While a popup editor is open, ag-grid gets only Escape (to cancel); Enter, Tab and the rest
 * belong to the form. When not editing, Enter opens the document instead of starting an edit.
 */
export function editorKeys({ editing, event }: SuppressKeyboardEventParams): boolean {
  if (editing) return event.key !== 'Escape';
  return event.key === 'Enter';
}

/** The printable key that started the edit, if any (typing "B" on a grade cell). */
export const typedKey = (props: EditorProps): string | null =>
  props.eventKey && props.eventKey.length === 1 ? props.eventKey : null;

export function useCommit(props: EditorProps) {
  const { bump } = useChanges();
  const toast = useToast();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  /** Runs the calls; on success closes the editor, refreshes and offers Undo. */
  const commit = async (run: () => Promise<Result<unknown>>, message: () => string, explain?: (e: ErrorInfo) => string | null) => {
    setBusy(true);
    setError(null);
    const result = await run();
    setBusy(false);
    if (!result.ok) {
      setError(explain?.(result.error) ?? t('edit.refused', { message: result.error.message }));
      return;
    }
    props.api.stopEditing(true);
    bump();
    toast.show({ message: message(), action: undoAction(props.context.undo, result.step) });
  };

  return { busy, error, setError, commit };
}

interface FormProps {
  title: string;
  busy: boolean;
  error: string | null;
  onSave: () => void;
  onCancel: () => void;
  children: ReactNode;
  note?: ReactNode;
}

export function EditForm({ title, busy, error, onSave, onCancel, children, note }: FormProps) {
  const form = useRef<HTMLFormElement>(null);
  // After a refusal, back to the value to correct it (focus never falls out of the popup).
  useEffect(() => {
    if (!error) return;
    const first = form.current?.querySelector<HTMLInputElement>('input:not([type=radio]):not([type=checkbox])');
    first?.focus();
    first?.select();
  }, [error]);
  return (
    <form
      ref={form}
      className="cell-editor"
      aria-label={title}
      onKeyDown={(e) => {
        // The popup lives outside the cell, where ag-grid's own Escape handling does not reach.
        if (e.key === 'Escape') {
          e.preventDefault();
          onCancel();
        }
      }}
      onSubmit={(e) => {
        e.preventDefault();
        if (!busy) onSave();
      }}
    >
      <h3 className="cell-editor-title" dir="auto">
        {title}
      </h3>
      {children}
      {note && <p className="cell-editor-note">{note}</p>}
      {error && (
        <p className="field-error cell-editor-error" role="alert">
          {error}
        </p>
      )}
      <div className="cell-editor-actions">
        {/* aria-disabled, not disabled: a disabled button drops the focus out of the popup. */}
        <button type="submit" className="button button-primary" aria-disabled={busy || undefined}>
          {busy ? t('edit.saving') : t('edit.save')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('edit.cancel')}
        </button>
      </div>
    </form>
  );
}

/** Did the core refuse this field's value (as opposed to anything else going wrong)? */
export const refusedField = (e: ErrorInfo, field: string): boolean =>
  e.code === 'VALIDATION' && (Array.isArray(e.details) ? e.details.some((d) => String(d).includes(field)) : e.message.includes(field));
