import type { OwnerRole, PhaseKind, PlanTrack, TaskKind } from './plan-schema.js';

/** The plan's words, one set for the Plan view and the PDF report. */

export const TRACK_LABELS: Record<PlanTrack, string> = {
  migrate: 'Moves (manual pilot and waves)',
  'migrate-guided': 'Moves (guided tool)',
  coexist: 'Partly moves, rest stays on Connect',
  'stay-on-connect': 'Stays on Connect Sync',
  onboard: 'New Cloud Sync set-up',
  'not-planned': 'Not planned',
};

export const PHASE_KIND_ORDER: readonly PhaseKind[] = ['readiness', 'pilot', 'wave', 'cutover', 'validation', 'decommission', 'coexistence'];

export const PHASE_KIND_LABELS: Record<PhaseKind, string> = {
  readiness: 'Readiness',
  pilot: 'Pilot',
  wave: 'Wave',
  cutover: 'Cutover',
  validation: 'Validation',
  decommission: 'Decommission',
  coexistence: 'Coexistence',
};

export const OWNER_ROLE_LABELS: Record<OwnerRole, string> = {
  'identity-architect': 'Identity architect',
  'ad-admin': 'AD administrator',
  'entra-admin': 'Entra / Connect administrator',
  network: 'Network team',
  'server-team': 'Server team',
  'service-desk': 'Service desk',
  'customer-sponsor': 'Customer sponsor',
};

export const TASK_KIND_LABELS: Record<TaskKind, string> = {
  remediation: 'Resolve a finding',
  'connect-backup': 'Back up Connect',
  'connect-upgrade': 'Connect version / upgrade',
  'agent-hosts': 'Agent hosts',
  gmsa: 'gMSA prerequisites',
  network: 'TLS, ports and URLs',
  'source-anchor': 'ms-DS-ConsistencyGuid',
  hygiene: 'IdFix clean-up',
  'pilot-rules': 'Pilot: no-flow rules',
  'pilot-configure': 'Pilot: agents and scope',
  'pilot-verify': 'Pilot: verify',
  wave: 'Wave',
  cutover: 'Cutover',
  'accidental-delete': 'Accidental-delete protection',
  decommission: 'Decommission',
  authentication: 'Authentication move',
  'group-writeback': 'Group writeback v2',
  'guided-tool': 'Guided tool step',
  coexistence: 'Coexistence',
  validation: 'Validation',
};
