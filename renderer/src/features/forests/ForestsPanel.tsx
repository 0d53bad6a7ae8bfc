import { useState } from 'react';
import type { Forest } from '../../../../shared/model/inventory';
import { useRead, useWrite } from '../../api/workshop-data';
import { useNotifier } from '../../ui/notifications';
import { ReadState } from '../workshop/ReadState';
import { ForestForm } from './ForestForm';
import { bareForest } from '../../../../shared/model/inventory';

const formatCount = (n: number | null) => (n === null ? <span className="muted">unknown</span> : n.toLocaleString('en-US'));

type Editing = { mode: 'new'; forest: Forest } | { mode: 'edit'; forest: Forest; previousName: string } | null;

export function ForestsPanel() {
  const notifier = useNotifier();
  const summaries = useRead('forests.summaries', {});
  const write = useWrite();
  const [editing, setEditing] = useState<Editing>(null);

  const remove = async (name: string) => {
    const result = await write('forests.delete', { forest: name });
    if (!result.ok) return notifier.error(result.error);
    const snapshot = result.value;
    notifier.notify({
      kind: 'info',
      message: `Forest ${name} deleted${snapshot.domains.length ? ` with ${snapshot.domains.length} domain(s)` : ''}.`,
      action: {
        label: 'Undo',
        run: () =>
          void write('forests.restore', { snapshot }).then((r) => (r.ok ? undefined : notifier.error(r.error))),
      },
    });
  };

  return (
    <div className="forests">
      <div className="toolbar">
        <h2>Forests</h2>
        <span className="spacer" />
        <button type="button" className="primary" onClick={() => setEditing({ mode: 'new', forest: bareForest('') })}>
          Add forest
        </button>
      </div>
      {editing && (
        <ForestForm
          key={editing.mode === 'edit' ? editing.previousName : 'new'}
          initial={editing.forest}
          previousName={editing.mode === 'edit' ? editing.previousName : undefined}
          onCancel={() => setEditing(null)}
          onSaved={() => setEditing(null)}
        />
      )}
      {!summaries.data ? (
        <ReadState read={summaries} loading="Reading the forests…" />
      ) : summaries.data.length === 0 ? (
        <p className="muted empty">No forests yet. Add one by hand, or import the customer's inventory.</p>
      ) : (
        <table className="grid" aria-label="Forests">
          <thead>
            <tr>
              <th scope="col">Forest</th>
              <th scope="col">Tenant</th>
              <th scope="col">Network</th>
              <th scope="col">Syncs today with</th>
              <th scope="col">Source anchor</th>
              <th scope="col" className="number">Domains</th>
              <th scope="col" className="number">Users</th>
              <th scope="col" className="number">OUs</th>
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {summaries.data.map(({ forest: f, domains, users, ous }) => (
              <tr key={f.forest}>
                <th scope="row">{f.forest}</th>
                <td>{f.tenant ?? <span className="muted">unknown</span>}</td>
                <td>{f.network ?? <span className="muted">unknown</span>}</td>
                <td>{f.currentEngine ?? <span className="muted">unknown</span>}</td>
                <td>{f.sourceAnchor ?? <span className="muted">unknown</span>}</td>
                <td className="number">{domains}</td>
                <td className="number">{formatCount(users)}</td>
                <td className="number">{formatCount(ous)}</td>
                <td className="actions">
                  <button type="button" className="small" onClick={() => setEditing({ mode: 'edit', forest: f, previousName: f.forest })}>
                    Edit<span className="sr-only"> {f.forest}</span>
                  </button>
                  <button type="button" className="small danger" onClick={() => void remove(f.forest)}>
                    Delete<span className="sr-only"> {f.forest}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
