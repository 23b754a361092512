/** The selected annotation's detail and the dialogs of the annotation screen, chosen by kind. */
import type { Source } from '../../../shared/annotation-schemas.ts';
import type { DocumentFull } from '../../../shared/contract.ts';
import { AttributeDialog } from './attribute-dialog.tsx';
import { ClaimDetail } from './claim-detail.tsx';
import { KeysDialog } from './keys-dialog.tsx';
import { LinkDialog } from './link-dialog.tsx';
import type { ClaimItem, PanelModel, SelectableItem, SpanItem } from './model.ts';
import { ConfirmDeleteClaim, CreateSourceFromMention, ReassignSource } from './small-dialogs.tsx';
import { SpanDetail } from './span-detail.tsx';
import type { AnnotateActions, Call } from './use-annotate-actions.ts';

export type Dialog =
  | { type: 'attribute'; item: ClaimItem }
  | { type: 'link'; item: ClaimItem }
  | { type: 'deleteClaim'; item: ClaimItem }
  | { type: 'createSource'; item: SpanItem }
  | { type: 'reassign'; source: Source; message: string }
  | { type: 'keys' };

interface DetailProps {
  item: SelectableItem;
  model: PanelModel;
  doc: DocumentFull;
  call: Call;
  announce(message: string): void;
  onDialog(dialog: Dialog): void;
  onDelete(): void;
  onSelect(id: string): void;
}

export function WorkspaceDetail({ item, model, doc, call, announce, onDialog, onDelete, onSelect }: DetailProps) {
  if (item.type === 'claim') {
    return (
      <ClaimDetail
        item={item}
        model={model}
        call={call}
        text={doc.text}
        documentId={doc.id}
        announce={announce}
        onAttribute={() => onDialog({ type: 'attribute', item })}
        onLink={() => onDialog({ type: 'link', item })}
        onDelete={onDelete}
        onSelect={onSelect}
      />
    );
  }
  const deleteSource = async () => {
    const source = item.source;
    if (!source) return;
    await call(
      'sources:delete',
      { id: source.id },
      {
        onError: (code, message) => {
          if (code !== 'SOURCE_IN_USE') return false;
          onDialog({ type: 'reassign', source, message });
          return true;
        },
      },
    );
  };
  return (
    <SpanDetail
      item={item}
      model={model}
      call={call}
      announce={announce}
      onDelete={onDelete}
      onCreateSource={() => onDialog({ type: 'createSource', item })}
      onDeleteSource={() => void deleteSource()}
    />
  );
}

interface DialogProps {
  dialog: Dialog;
  model: PanelModel;
  doc: DocumentFull;
  actions: AnnotateActions;
  onClose(): void;
  onDeleted(): void;
}

export function WorkspaceDialogs({ dialog, model, doc, actions, onClose, onDeleted }: DialogProps) {
  // A dialog opened on an item shows its latest state after a reload.
  const fresh = <T extends ClaimItem | SpanItem>(item: T): T => (model.items[model.indexOf.get(item.id) ?? -1] as T | undefined) ?? item;
  switch (dialog.type) {
    case 'attribute':
      return <AttributeDialog item={fresh(dialog.item)} model={model} text={doc.text} documentId={doc.id} call={actions.call} onClose={onClose} />;
    case 'link':
      return <LinkDialog item={fresh(dialog.item)} model={model} documentTitle={doc.title} call={actions.call} onClose={onClose} />;
    case 'deleteClaim':
      return (
        <ConfirmDeleteClaim
          item={fresh(dialog.item)}
          onClose={onClose}
          onConfirm={() => {
            onClose();
            void actions.remove(dialog.item.span).then((done) => done && onDeleted());
          }}
        />
      );
    case 'createSource':
      return <CreateSourceFromMention mention={dialog.item.span} call={actions.call} onClose={onClose} />;
    case 'reassign':
      return <ReassignSource source={dialog.source} message={dialog.message} call={actions.call} onClose={onClose} />;
    case 'keys':
      return <KeysDialog onClose={onClose} />;
  }
}
