/**
 * "Import documents" (files) and "Import a folder" (a whole folder, with sidecars paired by their
 * relative paths). The pickers are hidden inputs; the buttons are what the analyst sees and tabs to.
 */
import { useEffect, useRef, type ChangeEvent } from 'react';
import { t } from '../i18n/t.ts';
import { ACCEPT_ATTRIBUTE, fromFileList, type PickedFile } from '../lib/files.ts';

interface Props {
  onFiles: (files: PickedFile[]) => void;
  disabled?: boolean;
  showFolder?: boolean;
}

export function ImportButtons({ onFiles, disabled = false, showFolder = true }: Props) {
  const filesRef = useRef<HTMLInputElement>(null);
  const folderRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    // Not in React's attribute types; Chromium and Electron both support it.
    folderRef.current?.setAttribute('webkitdirectory', '');
  }, [showFolder]);

  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    const list = event.target.files;
    if (list && list.length > 0) onFiles(fromFileList(list));
    event.target.value = '';
  };

  return (
    <>
      {showFolder && (
        <button type="button" className="button" disabled={disabled} onClick={() => folderRef.current?.click()}>
          {t('import.folder')}
        </button>
      )}
      <button type="button" className="button button-primary" disabled={disabled} onClick={() => filesRef.current?.click()}>
        {t('import.button')}
      </button>
      <input
        ref={filesRef}
        type="file"
        multiple
        accept={ACCEPT_ATTRIBUTE}
        hidden
        data-testid="import-files-input"
        onChange={onChange}
      />
      {showFolder && <input ref={folderRef} type="file" multiple hidden data-testid="import-folder-input" onChange={onChange} />}
    </>
  );
}
