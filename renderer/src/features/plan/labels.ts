import type { TaskKind } from '../../../../shared/plan/plan-schema';
import { TASK_KIND_LABELS } from '../../../../shared/plan/labels';

/** The kinds whose duration the settings form edits, in the order of the work (validation has its own period). */
const EDITABLE_KINDS: readonly Exclude<TaskKind, 'validation'>[] = [
  'remediation',
  'connect-backup',
  'connect-upgrade',
  'agent-hosts',
  'gmsa',
  'network',
  'source-anchor',
  'hygiene',
  'pilot-rules',
  'pilot-configure',
  'pilot-verify',
  'wave',
  'cutover',
  'accidental-delete',
  'decommission',
  'authentication',
  'group-writeback',
  'guided-tool',
  'coexistence',
];

export const DURATION_KINDS = EDITABLE_KINDS.map((kind) => ({ kind, label: TASK_KIND_LABELS[kind] }));

export const WEEKDAYS = [
  { day: 1, label: 'Mon' },
  { day: 2, label: 'Tue' },
  { day: 3, label: 'Wed' },
  { day: 4, label: 'Thu' },
  { day: 5, label: 'Fri' },
  { day: 6, label: 'Sat' },
  { day: 7, label: 'Sun' },
] as const;
