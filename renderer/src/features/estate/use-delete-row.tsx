import { useCallback, useEffect, useRef, useState } from 'react';
import { EDITABLE_ENTITIES, type EditableEntity, type RowKey } from '../../../../shared/edit/edit-schema';
import { describeImpact } from '../../../../shared/edit/impact-text';
import { api } from '../../api/transport';
import { useWrite } from '../../api/workshop-data';
import { useNotifier } from '../../ui/notifications';
import { useHistory } from '../history/history-context';

interface Pending {
  entity: EditableEntity;
  key: RowKey;
  lines: string[];
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * Deleting a row: what others refer to (a forest's domains, a domain's OUs) is named first and goes
 * only once confirmed; then a notice offers Undo, which stays until used or dismissed.
 */
export function useDeleteRow() {
  const notifier = useNotifier();
  const write = useWrite();
  const history = useHistory();
  const [pending, setPending] = useState<Pending | null>(null);
  // The notice's Undo runs later: it must see the history as it is then, not as it was when offered.
  const latest = useRef(history);
  useEffect(() => {
    latest.current = history;
  }, [history]);

  const apply = useCallback(
    async ({ entity, key, lines }: Pending) => {
      setPending(null);
      const result = await write('edit.apply', { edit: { op: 'delete', entity, key } });
      if (!result.ok) return notifier.error(result.error);
      const label = result.value.label;
      notifier.notify({
        kind: 'info',
        message: `${capitalised(EDITABLE_ENTITIES[entity].noun)} ${key.join(' → ')} deleted${lines.length ? ` with ${lines.join(', ')}` : ''}.`,
        action: {
          label: 'Undo',
          run: () => {
            if (latest.current.state.undo === label) latest.current.undo();
            else notifier.notify({ kind: 'info', message: `Later edits came after this deletion: undo them first (Ctrl+Z), or use Undo at the top.` });
          },
        },
      });
    },
    [write, notifier],
  );

  const request = useCallback(
    async (entity: EditableEntity, key: RowKey) => {
      const impact = await api['edit.impact']({ edit: { op: 'delete', entity, key } });
      if (!impact.ok) return notifier.error(impact.error);
      const lines = describeImpact(impact.value);
      if (lines.length === 0) return apply({ entity, key, lines });
      setPending({ entity, key, lines });
    },
    [apply, notifier],
  );

  const confirmation = pending && <ConfirmDelete pending={pending} onConfirm={() => void apply(pending)} onCancel={() => setPending(null)} />;
  return { request, confirmation };
}

function ConfirmDelete({ pending, onConfirm, onCancel }: { pending: Pending; onConfirm(): void; onCancel(): void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  const what = `${EDITABLE_ENTITIES[pending.entity].noun} ${pending.key.join(' → ')}`;
  return (
    <dialog
      ref={dialog}
      className="panel export-dialog"
      aria-labelledby="confirm-delete-title"
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      <h2 id="confirm-delete-title">Delete {what}?</h2>
      <p>These go with it:</p>
      <ul className="impact-list">
        {pending.lines.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <p className="muted">You can undo this (Ctrl+Z).</p>
      <div className="row end">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="button" className="primary danger-fill" autoFocus onClick={onConfirm}>
          Delete {EDITABLE_ENTITIES[pending.entity].noun}
        </button>
      </div>
    </dialog>
  );
}
