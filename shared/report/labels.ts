import type { Assumptions } from '../model/assumptions.js';

/** The decision assumptions as sentences for the report's Assumptions chapter. */
export function assumptionLines(a: Assumptions): { label: string; value: string }[] {
  const yesNo = (v: boolean) => (v ? 'Yes' : 'No');
  return [
    { label: 'Preview features allowed', value: yesNo(a.allowPreviewFeatures) },
    { label: 'Pass-through authentication or federation moves to password hash sync', value: yesNo(a.movePtaOrFederationToPhs) },
    { label: 'Device writeback replaced by Cloud Kerberos trust', value: yesNo(a.replaceDeviceWritebackWithCloudKerberos) },
    {
      label: 'Cloud Sync agents on Windows Server 2025',
      value: a.windowsServer2025Agents === 'supported-with-kb5070773' ? 'Supported with KB5070773 (PRE 2026-07-27)' : 'Not supported (older pages)',
    },
    { label: 'Cloud Sync interval', value: a.cloudSyncInterval === '2-minutes' ? 'Every 2 minutes (WHAT)' : 'Every 10–20 minutes (FAQ 2026-03-30)' },
    {
      label: 'Attribute-value filtering in Cloud Sync',
      value: a.attributeValueFiltering === 'limited' ? 'Limited (DG)' : 'Not supported (COMMON, older WHAT)',
    },
    {
      label: 'Several Cloud Sync agents',
      value: a.activeAgents === 'one-at-a-time' ? 'One active at a time, the others fail over (FAQ 2026-03-30)' : 'Share the load (DG)',
    },
  ];
}
