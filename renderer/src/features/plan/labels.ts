import type { OwnerRole, PhaseKind, PlanTrack, TaskKind } from '../../../../shared/plan/plan-schema';

export const TRACK_LABELS: Record<PlanTrack, string> = {
  migrate: 'Moves (manual pilot and waves)',
  'migrate-guided': 'Moves (guided tool)',
  coexist: 'Partly moves, rest stays on Connect',
  'stay-on-connect': 'Stays on Connect Sync',
  onboard: 'New Cloud Sync set-up',
  'not-planned': 'Not planned',
};

export const PHASE_LABELS: Record<PhaseKind, string> = {
  readiness: 'Readiness',
  pilot: 'Pilot',
  wave: 'Wave',
  cutover: 'Cutover',
  validation: 'Validation',
  decommission: 'Decommission',
  coexistence: 'Coexistence',
};

export const OWNER_LABELS: Record<OwnerRole, string> = {
  'identity-architect': 'Identity architect',
  'ad-admin': 'AD administrator',
  'entra-admin': 'Entra / Connect administrator',
  network: 'Network team',
  'server-team': 'Server team',
  'service-desk': 'Service desk',
  'customer-sponsor': 'Customer sponsor',
};

/** The kinds whose duration the settings form edits (validation has its own period). */
export const DURATION_KINDS: readonly { kind: Exclude<TaskKind, 'validation'>; label: string }[] = [
  { kind: 'remediation', label: 'Resolve a finding' },
  { kind: 'connect-backup', label: 'Back up Connect' },
  { kind: 'connect-upgrade', label: 'Connect version / upgrade' },
  { kind: 'agent-hosts', label: 'Agent hosts' },
  { kind: 'gmsa', label: 'gMSA prerequisites' },
  { kind: 'network', label: 'TLS, ports and URLs' },
  { kind: 'source-anchor', label: 'ms-DS-ConsistencyGuid' },
  { kind: 'hygiene', label: 'IdFix clean-up' },
  { kind: 'pilot-rules', label: 'Pilot: no-flow rules' },
  { kind: 'pilot-configure', label: 'Pilot: agents and scope' },
  { kind: 'pilot-verify', label: 'Pilot: verify' },
  { kind: 'wave', label: 'Wave' },
  { kind: 'cutover', label: 'Cutover' },
  { kind: 'accidental-delete', label: 'Accidental-delete protection' },
  { kind: 'decommission', label: 'Decommission' },
  { kind: 'authentication', label: 'Authentication move' },
  { kind: 'group-writeback', label: 'Group writeback v2' },
  { kind: 'guided-tool', label: 'Guided tool step' },
  { kind: 'coexistence', label: 'Coexistence' },
];

export const WEEKDAYS = [
  { day: 1, label: 'Mon' },
  { day: 2, label: 'Tue' },
  { day: 3, label: 'Wed' },
  { day: 4, label: 'Thu' },
  { day: 5, label: 'Fri' },
  { day: 6, label: 'Sat' },
  { day: 7, label: 'Sun' },
] as const;
