/**
 * Files or folders dropped anywhere on the wrapped area are imported. While something is dragged
 * over it, an overlay says what will happen. Only file drags count (not text dragged from a page).
 */
import { useRef, useState, type DragEvent, type ReactNode } from 'react';
import { t } from '../i18n/t.ts';
import { fromDataTransfer, type PickedFile } from '../lib/files.ts';

interface Props {
  onFiles: (files: PickedFile[]) => void;
  disabled?: boolean;
  children: ReactNode;
  className?: string;
  hidden?: boolean;
}

const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer.types).includes('Files');

export function DropZone({ onFiles, disabled = false, children, className, hidden }: Props) {
  const [over, setOver] = useState(false);
  // dragenter/dragleave fire for every child crossed; count them to know when the drag really left.
  const depth = useRef(0);

  const reset = () => {
    depth.current = 0;
    setOver(false);
  };

  return (
    <div
      className={className}
      hidden={hidden}
      onDragEnter={(e) => {
        if (disabled || !hasFiles(e)) return;
        e.preventDefault();
        depth.current += 1;
        setOver(true);
      }}
      onDragOver={(e) => {
        if (disabled || !hasFiles(e)) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
      }}
      onDragLeave={() => {
        depth.current = Math.max(0, depth.current - 1);
        if (depth.current === 0) setOver(false);
      }}
      onDrop={(e) => {
        if (disabled || !hasFiles(e)) return;
        e.preventDefault();
        reset();
        void fromDataTransfer(e.dataTransfer).then((files) => files.length > 0 && onFiles(files));
      }}
    >
      {children}
      {over && (
        <div className="drop-overlay" aria-hidden="true">
          <div className="drop-overlay-box">
            <strong>{t('import.dropHint')}</strong>
            <span>{t('import.dropTypes')}</span>
          </div>
        </div>
      )}
    </div>
  );
}
