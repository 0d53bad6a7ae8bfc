import { useState, type FormEvent } from 'react';
import type { WorkshopInfo } from '../../../../shared/ipc/contracts/workshop';
import { api } from '../../api/transport';
import { useRead, useWrite } from '../../api/workshop-data';
import { useNotifier } from '../../ui/notifications';

interface Props {
  onOpened(info: WorkshopInfo | null): void;
  onOpenDialog(): Promise<void>;
}

export function StartScreen({ onOpened, onOpenDialog }: Props) {
  const notifier = useNotifier();
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState<string | null>(null);
  const { data: recent = [] } = useRead('workshop.recent', {});
  const write = useWrite();
  const [busy, setBusy] = useState(false);

  const create = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const result = await api['workshop.create']({ name });
    setBusy(false);
    if (result.ok) {
      setNameError(null);
      onOpened(result.value);
    } else if (result.error.issues?.length) {
      setNameError(result.error.issues[0]?.message ?? result.error.message);
    } else {
      notifier.error(result.error);
    }
  };

  const openSample = async () => {
    setBusy(true);
    const result = await api['workshop.openSample']({});
    setBusy(false);
    if (result.ok) onOpened(result.value);
    else notifier.error(result.error);
  };

  const openRecent = async (path: string) => {
    const result = await api['workshop.open']({ path });
    if (result.ok) onOpened(result.value);
    else notifier.error(result.error, () => void openRecent(path));
  };

  const forget = async (path: string) => {
    const result = await write('workshop.forgetRecent', { path });
    if (!result.ok) notifier.error(result.error);
  };

  return (
    <div className="start">
      <section className="panel">
        <h1>Plan a move to Entra Cloud Sync</h1>
        <p className="muted">A workshop holds one customer estate: its inventory, the decisions per forest and the migration plan.</p>
        <form className="new-workshop" onSubmit={(e) => void create(e)}>
          <label htmlFor="workshop-name">New workshop</label>
          <div className="row">
            <input
              id="workshop-name"
              value={name}
              placeholder="Customer or project name"
              aria-invalid={nameError ? true : undefined}
              aria-describedby={nameError ? 'workshop-name-error' : undefined}
              onChange={(e) => setName(e.target.value)}
            />
            <button type="submit" className="primary" disabled={busy}>
              Create workshop
            </button>
          </div>
          {nameError && (
            <p id="workshop-name-error" className="field-error">
              {nameError}
            </p>
          )}
        </form>
        <div className="row">
          <button type="button" onClick={() => void onOpenDialog()}>
            Open workshop…
          </button>
          <button type="button" disabled={busy} onClick={() => void openSample()}>
            Explore the sample workshop
          </button>
        </div>
        <p className="muted small">
          The sample is a fictitious group of seven forests that together show every verdict SyncPlan can reach.
        </p>
      </section>
      <section className="panel">
        <h2>Recent workshops</h2>
        {recent.length === 0 ? (
          <p className="muted">Workshops you create or open appear here.</p>
        ) : (
          <ul className="recent" aria-label="Recent workshops">
            {recent.map((r) => (
              <li key={r.path}>
                <button type="button" className="link" disabled={!r.exists} onClick={() => void openRecent(r.path)} title={r.path}>
                  {r.name}
                </button>
                <span className="muted small">{r.exists ? new Date(r.openedAt).toLocaleString() : 'file moved or deleted'}</span>
                <button type="button" className="ghost small" aria-label={`Remove ${r.name} from the list`} onClick={() => void forget(r.path)}>
                  ×
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
