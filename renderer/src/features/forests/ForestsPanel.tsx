import { useState } from 'react';
import type { Domain, Forest } from '../../../../shared/model/inventory';
import { api } from '../../api/transport';
import { useQuery } from '../../api/use-query';
import { useNotifier } from '../../ui/notifications';
import { ForestForm } from './ForestForm';
import { bareForest } from '../../../../shared/model/inventory';

interface ForestTotals {
  domains: number;
  /** null as soon as one domain's count is unknown: a partial sum would read as the whole. */
  users: number | null;
}

function domainTotals(domains: readonly Domain[]): Map<string, ForestTotals> {
  const totals = new Map<string, ForestTotals>();
  for (const d of domains) {
    const t = totals.get(d.forest) ?? { domains: 0, users: 0 };
    t.domains++;
    t.users = t.users === null || d.users === null ? null : t.users + d.users;
    totals.set(d.forest, t);
  }
  return totals;
}

const formatCount = (n: number | null) => (n === null ? <span className="muted">unknown</span> : n.toLocaleString('en-US'));

type Editing = { mode: 'new'; forest: Forest } | { mode: 'edit'; forest: Forest; previousName: string } | null;

export function ForestsPanel() {
  const notifier = useNotifier();
  const { data: inventory, reload } = useQuery('inventory.get', {});
  const forests = inventory?.forests ?? [];
  const totals = domainTotals(inventory?.domains ?? []);
  const [editing, setEditing] = useState<Editing>(null);

  const remove = async (name: string) => {
    const result = await api['forests.delete']({ forest: name });
    if (!result.ok) return notifier.error(result.error);
    const snapshot = result.value;
    reload();
    notifier.notify({
      kind: 'info',
      message: `Forest ${name} deleted${snapshot.domains.length ? ` with ${snapshot.domains.length} domain(s)` : ''}.`,
      action: {
        label: 'Undo',
        run: () =>
          void api['forests.restore']({ snapshot }).then((r) => (r.ok ? reload() : notifier.error(r.error))),
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
          onSaved={() => {
            setEditing(null);
            reload();
          }}
        />
      )}
      {forests.length === 0 ? (
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
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {forests.map((f) => (
              <tr key={f.forest}>
                <th scope="row">{f.forest}</th>
                <td>{f.tenant ?? <span className="muted">unknown</span>}</td>
                <td>{f.network ?? <span className="muted">unknown</span>}</td>
                <td>{f.currentEngine ?? <span className="muted">unknown</span>}</td>
                <td>{f.sourceAnchor ?? <span className="muted">unknown</span>}</td>
                <td className="number">{totals.get(f.forest)?.domains ?? 0}</td>
                <td className="number">{formatCount(totals.get(f.forest)?.users ?? null)}</td>
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
