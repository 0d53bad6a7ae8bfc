import type { PlanSettings, TaskKind } from './plan-schema.js';

/**
 * Working days per task kind when the settings do not say otherwise: a consultant's estimate for a
 * mid-sized forest with the customer's team available, meant to be edited in the workshop.
 */
export const DEFAULT_DURATIONS: Readonly<Record<TaskKind, number>> = {
  remediation: 5,
  'agent-hosts': 3,
  gmsa: 1,
  network: 2,
  'source-anchor': 2,
  hygiene: 3,
  'connect-upgrade': 2,
  'connect-backup': 1,
  'pilot-rules': 1,
  'pilot-configure': 2,
  'pilot-verify': 3,
  wave: 3,
  cutover: 1,
  'accidental-delete': 1,
  validation: 10,
  decommission: 2,
  authentication: 5,
  'group-writeback': 5,
  'guided-tool': 2,
  coexistence: 2,
};

/** The duration of a task of `kind`: the validation period for validation, else the setting or the default. */
export function kindDuration(settings: PlanSettings, kind: TaskKind): number {
  if (kind === 'validation') return settings.validationDays;
  return settings.durations[kind] ?? DEFAULT_DURATIONS[kind];
}
