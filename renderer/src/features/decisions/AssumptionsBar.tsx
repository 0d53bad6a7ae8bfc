import type { Assumptions } from '../../../../shared/model/assumptions';

interface Props {
  assumptions: Assumptions;
  onChange(next: Assumptions): void;
}

const TOGGLES: { key: 'allowPreviewFeatures' | 'movePtaOrFederationToPhs' | 'replaceDeviceWritebackWithCloudKerberos'; label: string; hint: string }[] = [
  { key: 'allowPreviewFeatures', label: 'Allow preview features', hint: 'Device sync job, user provisioning to AD, merging disconnected sources' },
  { key: 'movePtaOrFederationToPhs', label: 'Move PTA or federation to password hash sync', hint: 'Staged rollout, then convert domains to managed' },
  { key: 'replaceDeviceWritebackWithCloudKerberos', label: 'Replace device writeback with Cloud Kerberos trust', hint: 'Cloud Sync has no device writeback' },
];

/** The what-if switches: every change re-runs the engine at once and is saved with the workshop. */
export function AssumptionsBar({ assumptions, onChange }: Props) {
  return (
    <fieldset className="panel assumptions" aria-label="Assumptions">
      <legend>What if…</legend>
      <div className="assumption-toggles">
        {TOGGLES.map((t) => (
          <label key={t.key} className="toggle" title={t.hint}>
            <input type="checkbox" checked={assumptions[t.key]} onChange={(e) => onChange({ ...assumptions, [t.key]: e.target.checked })} />
            {t.label}
          </label>
        ))}
      </div>
      <div className="assumption-readings">
        <label>
          Agents on Windows Server 2025
          <select
            value={assumptions.windowsServer2025Agents}
            onChange={(e) => onChange({ ...assumptions, windowsServer2025Agents: e.target.value as Assumptions['windowsServer2025Agents'] })}
          >
            <option value="supported-with-kb5070773">Supported with KB5070773 (PRE 2026-07-27)</option>
            <option value="not-supported">Not supported (older pages)</option>
          </select>
        </label>
        <label>
          Cloud Sync interval
          <select
            value={assumptions.cloudSyncInterval}
            onChange={(e) => onChange({ ...assumptions, cloudSyncInterval: e.target.value as Assumptions['cloudSyncInterval'] })}
          >
            <option value="10-20-minutes">Every 10–20 minutes (FAQ 2026-03-30)</option>
            <option value="2-minutes">Every 2 minutes (WHAT)</option>
          </select>
        </label>
        <label>
          Filtering on attribute values
          <select
            value={assumptions.attributeValueFiltering}
            onChange={(e) => onChange({ ...assumptions, attributeValueFiltering: e.target.value as Assumptions['attributeValueFiltering'] })}
          >
            <option value="limited">Limited in Cloud Sync (DG 2025-02-17)</option>
            <option value="not-supported">Not supported (COMMON, older WHAT)</option>
          </select>
        </label>
        <label>
          Active Cloud Sync agents
          <select
            value={assumptions.activeAgents}
            onChange={(e) => onChange({ ...assumptions, activeAgents: e.target.value as Assumptions['activeAgents'] })}
          >
            <option value="one-at-a-time">One at a time, others fail over (FAQ 2026-03-30)</option>
            <option value="load-shared">Agents share the load (DG)</option>
          </select>
        </label>
      </div>
    </fieldset>
  );
}
