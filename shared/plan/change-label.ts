import type { PlanEdits, PlanSettings } from './plan-schema.js';

interface PlanInputs {
  settings: PlanSettings;
  edits: PlanEdits;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** How Undo names a change of the plan's inputs. */
export function planChangeLabel(before: PlanInputs, after: PlanInputs): string {
  if (!same(before.settings, after.settings)) return 'Change the plan settings';
  const durations = new Set([...Object.keys(before.edits.durations), ...Object.keys(after.edits.durations)]);
  const changedDurations = [...durations].filter((id) => before.edits.durations[id] !== after.edits.durations[id]);
  if (changedDurations.length > 0) return changedDurations.length === 1 ? 'Change a task duration' : 'Change task durations';
  const ous = new Set([...Object.keys(before.edits.waves), ...Object.keys(after.edits.waves)]);
  const moved = [...ous].filter((key) => before.edits.waves[key] !== after.edits.waves[key]).length;
  return moved === 1 ? 'Move an OU to another wave' : `Move ${moved} OUs to other waves`;
}
