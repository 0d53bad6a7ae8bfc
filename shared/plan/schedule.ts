import type { WorkingCalendar } from './calendar.js';
import type { DraftPhase } from './forest-tasks.js';

export interface TaskDates {
  /** Working-day indexes: the first day, the last day occupied, and the first day a successor may start. */
  start: number;
  last: number;
  finish: number;
}

export interface Schedule {
  dates: Map<string, TaskDates>;
  /** Task ids from the plan's start to its last task, each one what held up the next. */
  criticalPath: string[];
}

interface Slot {
  free: number;
  lastTask: string | null;
}

/**
 * Capacity scheduling: forests in the given order (least risk first) each take the team slot that frees
 * up first and hold it from their first task to their last, so at most `capacity` forests are worked on
 * on any day. Within a forest a task starts as soon as every task it depends on has finished and its
 * working days fit between freeze windows. Each task remembers what held it up (a dependency, or the
 * task that freed its forest's slot); following that back from the last task gives the critical path.
 */
export function schedule(forests: readonly (readonly DraftPhase[])[], calendar: WorkingCalendar, capacity: number): Schedule {
  const dates = new Map<string, TaskDates>();
  const driver = new Map<string, string | null>();
  const slots: Slot[] = Array.from({ length: capacity }, () => ({ free: 0, lastTask: null }));
  let planLast: { id: string; last: number } | null = null;

  for (const phases of forests) {
    const tasks = phases.flatMap((p) => p.tasks);
    if (tasks.length === 0) continue;
    const slot = slots.reduce((best, s) => (s.free < best.free ? s : best));
    let forestLast: { id: string; last: number } | null = null;
    for (const task of tasks) {
      let earliest = slot.free;
      let heldBy = slot.lastTask;
      for (const dep of task.dependsOn) {
        const d = dates.get(dep);
        if (!d) throw new Error(`task ${task.id} depends on ${dep}, which is not scheduled before it`);
        if (d.finish > earliest || (d.finish === earliest && heldBy === slot.lastTask)) {
          earliest = d.finish;
          heldBy = dep;
        }
      }
      const start = calendar.fit(earliest, task.duration);
      const last = start + Math.max(task.duration, 1) - 1;
      dates.set(task.id, { start, last, finish: start + task.duration });
      driver.set(task.id, heldBy);
      if (forestLast === null || last >= forestLast.last) forestLast = { id: task.id, last };
    }
    const end = forestLast as { id: string; last: number };
    slot.free = end.last + 1;
    slot.lastTask = end.id;
    if (planLast === null || end.last > planLast.last) planLast = end;
  }

  const criticalPath: string[] = [];
  for (let id: string | null = planLast?.id ?? null; id !== null; id = driver.get(id) ?? null) criticalPath.push(id);
  return { dates, criticalPath: criticalPath.reverse() };
}
