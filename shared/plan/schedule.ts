import type { WorkingCalendar } from './calendar.js';
import type { DraftPhase, DraftTask } from './forest-tasks.js';

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
 * Capacity scheduling: the whole estate's tasks first, from the first day and outside the team's slots
 * (they are not a forest's work); then forests in the given order (least risk first), each taking the
 * team slot that frees up first and holding it from its first task to its last, so at most `capacity`
 * forests are worked on on any day. A task starts as soon as every task it depends on has finished and
 * its working days fit between freeze windows. Each task remembers what held it up (a dependency, or the
 * task that freed its forest's slot); following that back from the last task gives the critical path.
 */
export function schedule(forests: readonly (readonly DraftPhase[])[], calendar: WorkingCalendar, capacity: number, estate: readonly DraftPhase[] = []): Schedule {
  const dates = new Map<string, TaskDates>();
  const driver = new Map<string, string | null>();
  const slots: Slot[] = Array.from({ length: capacity }, () => ({ free: 0, lastTask: null }));
  let planLast: { id: string; last: number } | null = null;

  /** Places the tasks from day `from` on (what held them up until then: `heldByFirst`); returns the one that ends last. */
  const place = (tasks: readonly DraftTask[], from: number, heldByFirst: string | null) => {
    let groupLast: { id: string; last: number } | null = null;
    for (const task of tasks) {
      let earliest = from;
      let heldBy = heldByFirst;
      for (const dep of task.dependsOn) {
        const d = dates.get(dep);
        if (!d) throw new Error(`task ${task.id} depends on ${dep}, which is not scheduled before it`);
        if (d.finish > earliest || (d.finish === earliest && heldBy === heldByFirst)) {
          earliest = d.finish;
          heldBy = dep;
        }
      }
      const start = calendar.fit(earliest, task.duration);
      const last = start + Math.max(task.duration, 1) - 1;
      dates.set(task.id, { start, last, finish: start + task.duration });
      driver.set(task.id, heldBy);
      if (groupLast === null || last >= groupLast.last) groupLast = { id: task.id, last };
    }
    if (groupLast !== null && (planLast === null || groupLast.last > planLast.last)) planLast = groupLast;
    return groupLast;
  };

  place(estate.flatMap((p) => p.tasks), 0, null);
  for (const phases of forests) {
    const tasks = phases.flatMap((p) => p.tasks);
    if (tasks.length === 0) continue;
    const slot = slots.reduce((best, s) => (s.free < best.free ? s : best));
    const end = place(tasks, slot.free, slot.lastTask) as { id: string; last: number };
    slot.free = end.last + 1;
    slot.lastTask = end.id;
  }

  const criticalPath: string[] = [];
  const last = planLast as { id: string; last: number } | null;
  for (let id: string | null = last?.id ?? null; id !== null; id = driver.get(id) ?? null) criticalPath.push(id);
  return { dates, criticalPath: criticalPath.reverse() };
}
