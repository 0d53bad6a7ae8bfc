import type { Assumptions } from '../model/assumptions.js';
import type { OwnerRole, PhaseKind, PlannedForest, TaskKind } from '../plan/plan-schema.js';

export const PHASE_KIND_LABELS: Record<PhaseKind, string> = {
  readiness: 'Readiness',
  pilot: 'Pilot',
  wave: 'Wave',
  cutover: 'Cutover',
  validation: 'Validation',
  decommission: 'Decommission',
  coexistence: 'Coexistence',
};

export const PHASE_KIND_ORDER: readonly PhaseKind[] = ['readiness', 'pilot', 'wave', 'cutover', 'validation', 'decommission', 'coexistence'];

export const OWNER_ROLE_LABELS: Record<OwnerRole, string> = {
  'identity-architect': 'Identity architect',
  'ad-admin': 'AD admin',
  'entra-admin': 'Entra admin',
  network: 'Network team',
  'server-team': 'Server team',
  'service-desk': 'Service desk',
  'customer-sponsor': 'Customer sponsor',
};

export const TRACK_LABELS: Record<PlannedForest['track'], string> = {
  migrate: 'Moves to Cloud Sync',
  'migrate-guided': 'Moves with the guided tool',
  coexist: 'Moves in part',
  'stay-on-connect': 'Stays on Connect Sync',
  onboard: 'Set up on Cloud Sync',
  'not-planned': 'Not planned yet',
};

export const TASK_KIND_LABELS: Record<TaskKind, string> = {
  remediation: 'Remediation',
  'agent-hosts': 'Agent hosts',
  gmsa: 'gMSA',
  network: 'Network and URLs',
  'source-anchor': 'Source anchor',
  hygiene: 'Directory hygiene',
  'connect-upgrade': 'Connect upgrade',
  'connect-backup': 'Connect configuration backup',
  'pilot-rules': 'Pilot no-flow rules',
  'pilot-configure': 'Pilot configuration',
  'pilot-verify': 'Pilot verification',
  wave: 'Wave',
  cutover: 'Cutover',
  'accidental-delete': 'Accidental-delete protection',
  validation: 'Validation',
  decommission: 'Decommission',
  authentication: 'Authentication move',
  'group-writeback': 'Group writeback',
  'guided-tool': 'Guided tool',
  coexistence: 'Coexistence',
};

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
