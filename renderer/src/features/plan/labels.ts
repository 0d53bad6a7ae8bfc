import { TaskKind } from '../../../../shared/plan/plan-schema';
import { TASK_KIND_LABELS } from '../../../../shared/plan/labels';

/** The kinds whose duration the settings form edits, in the order of the work (validation has its own period). */
export const DURATION_KINDS = TaskKind.options.filter((kind) => kind !== 'validation').map((kind) => ({ kind, label: TASK_KIND_LABELS[kind] }));

export const WEEKDAYS = [
  { day: 1, label: 'Mon' },
  { day: 2, label: 'Tue' },
  { day: 3, label: 'Wed' },
  { day: 4, label: 'Thu' },
  { day: 5, label: 'Fri' },
  { day: 6, label: 'Sat' },
  { day: 7, label: 'Sun' },
] as const;
