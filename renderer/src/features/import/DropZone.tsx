import { useRef, type ChangeEvent } from 'react';
import type { PickedFile } from './paths';
import { isDesktop, pickedFromInput } from './sources';

interface Props {
  onPicked(picked: PickedFile[]): void;
  /** Electron's native dialog; resolves false where there is none. */
  onChooseNative(): Promise<boolean>;
  dragging: boolean;
}

/**
 * Where an import starts: the buttons, and the visible target for a drop (the drop itself is caught
 * anywhere on the workshop window). A chosen folder keeps its structure, so an Entra Connect export or
 * an ADRecon folder is imported as a whole.
 */
export function DropZone({ onPicked, onChooseNative, dragging }: Props) {
  const filesInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);

  const picked = (event: ChangeEvent<HTMLInputElement>) => {
    const list = pickedFromInput(event.target.files);
    // Let choosing the same file again fire another change.
    event.target.value = '';
    if (list.length > 0) onPicked(list);
  };

  const chooseFiles = async () => {
    if (!(await onChooseNative())) filesInput.current?.click();
  };

  return (
    <div className={`dropzone${dragging ? ' dragging' : ''}`}>
      <p className="dropzone-title">Drop inventory files or folders anywhere on this window</p>
      <p className="muted">
        SyncPlan&apos;s CSV templates, Export-Csv files of the ActiveDirectory module, an ADRecon CSV-Files folder, or an Entra Connect configuration
        export folder (Get-ADSyncServerConfiguration). Nothing is written until you have seen the preview.
      </p>
      <div className="row dropzone-actions">
        <button type="button" className="primary" onClick={() => void chooseFiles()}>
          Choose files…
        </button>
        <button type="button" onClick={() => folderInput.current?.click()}>
          Choose folder…
        </button>
      </div>
      {/* Opened by the buttons above; hidden, so they are not tab stops of their own. */}
      <input
        ref={filesInput}
        id="import-files-input"
        className="visually-hidden-input"
        type="file"
        multiple
        accept=".csv,.txt,text/csv"
        aria-label="Files to import"
        tabIndex={-1}
        onChange={picked}
      />
      <input
        ref={folderInput}
        id="import-folder-input"
        className="visually-hidden-input"
        type="file"
        multiple
        aria-label="Folder to import"
        tabIndex={-1}
        onChange={picked}
        {...{ webkitdirectory: '' }}
      />
      {isDesktop ? null : (
        <p className="muted small-print">In the browser, chosen files are copied to SyncPlan&apos;s back end before the preview.</p>
      )}
    </div>
  );
}
