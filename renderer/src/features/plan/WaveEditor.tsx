import { dnKey } from '../../../../shared/model/distinguished-name';
import { count } from '../../../../shared/engine/format';
import type { Plan, PlanEdits } from '../../../../shared/plan/plan-schema';

interface Props {
  plan: Plan;
  edits: PlanEdits;
  onMove: (ouKey: string, wave: number) => void;
  onReset: (ouKeys: string[]) => void;
}

/** Wave membership per forest: each OU's wave can be changed; a move is an edit kept in the workshop. */
export function WaveEditor({ plan, edits, onMove, onReset }: Props) {
  const forests = plan.forests.filter((f) => f.track === 'migrate' || f.track === 'coexist' || f.track === 'onboard');
  if (forests.length === 0) return null;
  return (
    <section className="panel waves" aria-labelledby="waves-heading">
      <h3 id="waves-heading">Waves</h3>
      <p className="muted">
        Largest wave: {count(plan.settings.maxWaveObjects)} objects. A parent OU's scope takes its whole subtree, so child OUs move in the same or an earlier wave.
      </p>
      {forests.map((f) => {
        const phases = plan.phases.filter((p) => p.forest === f.forest);
        const pilot = phases.find((p) => p.kind === 'pilot');
        const waves = phases.filter((p) => p.kind === 'wave');
        const keys = waves.flatMap((w) => w.ous.map((o) => dnKey(o.distinguishedName)));
        const moved = keys.filter((k) => edits.waves[k] !== undefined);
        return (
          <details key={f.forest} className="wave-forest">
            <summary>
              {f.forest}: {waves.length} wave{waves.length === 1 ? '' : 's'}
              {moved.length > 0 ? `, ${moved.length} OU${moved.length === 1 ? '' : 's'} moved by hand` : ''}
            </summary>
            <table className="grid compact" aria-label={`Waves of ${f.forest}`}>
              <thead>
                <tr>
                  <th scope="col">OU</th>
                  <th scope="col">Domain</th>
                  <th scope="col">Objects</th>
                  <th scope="col">Wave</th>
                </tr>
              </thead>
              <tbody>
                {pilot?.ous.map((o) => (
                  <tr key={`pilot-${o.distinguishedName}`}>
                    <th scope="row" className="dn">
                      {o.distinguishedName}
                    </th>
                    <td>{o.domain}</td>
                    <td>{count(o.objects)}</td>
                    <td>Pilot</td>
                  </tr>
                ))}
                {waves.flatMap((w) =>
                  w.ous.map((o) => {
                    const key = dnKey(o.distinguishedName);
                    return (
                      <tr key={key} data-wave={w.wave ?? undefined}>
                        <th scope="row" className="dn">
                          {o.distinguishedName}
                        </th>
                        <td>{o.domain}</td>
                        <td>{count(o.objects)}</td>
                        <td>
                          <select aria-label={`Wave of ${o.distinguishedName}`} value={w.wave ?? 1} onChange={(e) => onMove(key, Number(e.target.value))}>
                            {waves.map((x) => (
                              <option key={x.id} value={x.wave ?? 1}>
                                Wave {x.wave} ({count(x.objects)} objects)
                              </option>
                            ))}
                            <option value={waves.length + 1}>New wave {waves.length + 1}</option>
                          </select>
                        </td>
                      </tr>
                    );
                  }),
                )}
              </tbody>
            </table>
            {moved.length > 0 && (
              <button type="button" className="small" onClick={() => onReset(moved)}>
                Undo the hand moves of {f.forest}
              </button>
            )}
          </details>
        );
      })}
    </section>
  );
}
